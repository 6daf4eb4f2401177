package io.distributedjob.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;

/**
 * A certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's {@code keytool} for one test: the
 * key stays in a PKCS12 store for the server, the certificate is written as PEM for clients to trust.
 */
public final class SelfSignedCertificate {

    private static final String PASSWORD = "test-only";

    private final Path keyStore;
    private final Path certificatePem;

    private SelfSignedCertificate(Path keyStore, Path certificatePem) {
        this.keyStore = keyStore;
        this.certificatePem = certificatePem;
    }

    public static SelfSignedCertificate create(Path directory) {
        Path store = directory.resolve("target.p12");
        Path pem = directory.resolve("target-ca.pem");
        keytool("-genkeypair", "-alias", "target", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "target", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return new SelfSignedCertificate(store, pem);
    }

    /** The certificate, PEM encoded: what a client configures as its trusted CA. */
    public Path certificatePem() {
        return certificatePem;
    }

    public ServerCredentials serverCredentials() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            return TlsServerCredentials.newBuilder().keyManager(keys.getKeyManagers()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
