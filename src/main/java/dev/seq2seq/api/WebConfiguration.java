package dev.seq2seq.api;

import dev.seq2seq.ServiceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Form bodies for the LibreTranslate endpoints and the request size limit. */
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
}
