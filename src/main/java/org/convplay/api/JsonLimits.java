package org.convplay.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jackson's own limits on what it parses, for the API's bodies and every other JSON read with Spring's ObjectMapper
 * (imported experiment files): a document no longer than a body may be, lists and objects nested no deeper than any
 * request of ours needs (a pipeline's 4-level kernel inside a layer inside a list is 6), and numbers no longer than a
 * double can say. Past any of them the parser stops at once, and the API answers 400 naming the limit.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

    /** Levels of nested lists and objects. */
    static final int MAX_NESTING_DEPTH = 32;
    /** Characters in one number: a double needs 24 at most ({@code -1.2345678901234567E-308}). */
    static final int MAX_NUMBER_LENGTH = 100;
    /** Characters in one string: a 16 MiB picture in base64 (an imported images experiment) is 22,369,624. */
    static final int MAX_STRING_LENGTH = 24 * 1024 * 1024;

    static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxDocumentLength(BodySizeLimitFilter.MAX_BYTES)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build();
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimits() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints()));
    }
}
