package io.distributedjob.console;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the web console (the {@code distributedjob-web-ui} jar's {@code META-INF/resources/web/}) at
 * {@code <contextPath>/web/}. Hashed build assets never change under their name, so browsers keep them for a
 * year; everything else, index.html above all, is revalidated on every load so a new release shows at once.
 * These are static resources, not API handlers: no token is needed to load the console itself.
 */
@Configuration
class ConsoleWebConfiguration implements WebMvcConfigurer {

    static final String LOCATION = "classpath:/META-INF/resources/web/";
    static final String ASSETS_PATTERN = "/web/assets/**";
    static final String CONSOLE_PATTERN = "/web/**";
    static final String CONSOLE_ROOT = "/web/";
    static final String CONSOLE_ROOT_WITHOUT_SLASH = "/web";
    private static final Duration ASSET_LIFETIME = Duration.ofDays(365);

    /**
     * The resource handler refuses an empty path, so the console's root is forwarded to index.html (and
     * {@code /web} redirected to {@code /web/}, keeping relative links right).
     */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController(CONSOLE_ROOT_WITHOUT_SLASH, CONSOLE_ROOT);
        registry.addViewController(CONSOLE_ROOT).setViewName("forward:" + CONSOLE_ROOT + ClientRouteResolver.INDEX);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(ASSETS_PATTERN)
                .addResourceLocations(LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(ASSET_LIFETIME).cachePublic().immutable())
                .resourceChain(false);
        // No resolver cache: every unknown client route would otherwise stay in it for good.
        registry.addResourceHandler(CONSOLE_PATTERN)
                .addResourceLocations(LOCATION)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new ClientRouteResolver());
    }
}
