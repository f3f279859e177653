package dev.seq2seq.api;

import dev.seq2seq.ServiceProperties;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Form bodies for the LibreTranslate endpoints, the request size limit, and problem+json for the container's own errors. */
@Configuration
public class WebConfiguration implements WebMvcConfigurer {
    private final JsonMapper json;

    public WebConfiguration(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new FormBodyConverter(json));
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(ServiceProperties properties) {
        var registration = new FilterRegistrationBean<>(new RequestSizeFilter(properties.limits().maxRequestSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** API keys on the model endpoints, after the size limit (it reads bodies for their api_key). */
    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ServiceProperties properties, io.micrometer.core.instrument.MeterRegistry meters,
                                                      dev.seq2seq.auth.RateLimiter limiter) {
        var mode = ApiKeyFilter.Mode.valueOf(properties.auth().mode().toUpperCase(java.util.Locale.ROOT));
        var keys = mode == ApiKeyFilter.Mode.OFF ? null : new dev.seq2seq.auth.ApiKeys(
                new dev.seq2seq.auth.ApiKeyStore(properties.auth().store()), java.time.Duration.ofSeconds(5), java.time.Clock.systemUTC());
        var auth = properties.auth();
        var registration = new FilterRegistrationBean<>(new ApiKeyFilter(mode, keys, limiter,
                new ApiKeyFilter.Anonymous(auth.anonymous().requestsPerMinute(), auth.anonymous().charactersPerMinute(),
                        auth.trustForwardedFor()), meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Tomcat, with its HTML error report (for requests it refuses before Spring sees them) replaced by problem+json. */
    @Bean
    TomcatServletWebServerFactory tomcatServletWebServerFactory() {
        return new TomcatServletWebServerFactory() {
            @Override
            protected TomcatWebServer getTomcatWebServer(Tomcat tomcat) {
                ((StandardHost) tomcat.getHost()).setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                return super.getTomcatWebServer(tomcat);
            }
        };
    }
}
