@echo off
rem Starts the DistributedJob server on Windows with a Java 21 or newer: %JAVA_HOME%, else java on the PATH.
rem In an unpacked release archive (lib\distributedjob.jar next to bin\) the archive's folder is the home:
rem configs\config.yaml is read there and data\ and log\ are kept there. In the source tree it runs
rem server\target\distributedjob.jar from the current directory. Arguments go to the server, JAVA_OPTS to the JVM.
setlocal EnableDelayedExpansion
set "HOME_DIR=%~dp0.."
if exist "%HOME_DIR%\lib\distributedjob.jar" (
  set "JAR=%HOME_DIR%\lib\distributedjob.jar"
  cd /d "%HOME_DIR%"
) else (
  set "JAR=%HOME_DIR%\server\target\distributedjob.jar"
)
if defined DJ_JAR set "JAR=%DJ_JAR%"
if not exist "%JAR%" (
  echo No server jar at %JAR%: build it first with 'mvn -DskipTests package' 1>&2
  exit /b 1
)

set "JAVA_BIN=java"
if defined JAVA_HOME set "JAVA_BIN=%JAVA_HOME%\bin\java.exe"
set "JAVA_MAJOR="
rem "call" first, so that cmd keeps the quotes of a path with spaces or parentheses.
for /f "tokens=2 delims==" %%v in ('call "!JAVA_BIN!" -XshowSettings:properties -version 2^>^&1 ^| findstr java.specification.version') do set "JAVA_MAJOR=%%v"
if not defined JAVA_MAJOR goto :nojava
set "JAVA_MAJOR=!JAVA_MAJOR: =!"
if !JAVA_MAJOR! LSS 21 goto :nojava

"!JAVA_BIN!" %JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:nojava
echo DistributedJob needs Java 21 or newer and found none: install a JDK or JRE 21+ or set JAVA_HOME to one 1>&2
exit /b 1
