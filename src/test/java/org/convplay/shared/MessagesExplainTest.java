package org.convplay.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.PoolSpec;
import org.convplay.engine.Pooling;
import org.convplay.engine.Tensor;
import org.convplay.engine.Translatable;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Pipeline;
import org.convplay.engine.model.PoolLayer;
import org.convplay.engine.ReferenceEngine;
import org.junit.jupiter.api.Test;

/**
 * The errors a page shows in its reader's language: each is raised by the real code, its English from the bundles
 * is the exception's own message (what the API answers), and its Portuguese is a different text with every
 * argument filled in.
 */
class MessagesExplainTest {

    private static final Tensor ROW = Tensor.of(new double[][] {{1, 2, 3}});

    /** Every translatable error the pages can meet, by what raises it. */
    private static Map<String, ThrowingCallable> errors() {
        Map<String, ThrowingCallable> m = new LinkedHashMap<>();
        m.put("kernel too large", () -> ConvGeometry.outputLength("height", 2, 3, 1, 1, 0, 0));
        m.put("dilated kernel too large", () -> ConvGeometry.outputLength("width", 4, 3, 1, 2, 0, 0));
        m.put("channels", () -> ConvGeometry.check(Tensor.of(new double[2][3][3]), Kernel.of(new double[1][1][2][2], null),
                ConvSpec.DEFAULT));
        m.put("channels in groups", () -> ConvGeometry.check(Tensor.of(new double[4][3][3]), Kernel.of(new double[2][1][2][2], null),
                ConvSpec.DEFAULT.withGroups(2)));
        m.put("groups and channels", () -> ConvGeometry.check(Tensor.of(new double[3][3][3]), Kernel.of(new double[2][1][2][2], null),
                ConvSpec.DEFAULT.withGroups(2)));
        m.put("groups and filters", () -> ConvGeometry.check(Tensor.of(new double[4][3][3]), Kernel.of(new double[3][2][2][2], null),
                ConvSpec.DEFAULT.withGroups(2)));
        m.put("pool too large", () -> Pooling.max(ROW, new PoolSpec(1, 4, 1, 4, Padding.VALID), Convention.TENSORFLOW));
        m.put("pool over padding", () -> Pooling.max(ROW, new PoolSpec(1, 2, 1, 2, Padding.explicit(0, 0, 2, 0)), Convention.TENSORFLOW));
        m.put("pytorch pool padding", () -> Pooling.max(ROW, new PoolSpec(1, 2, 1, 2, Padding.explicit(0, 0, 2, 0)), Convention.PYTORCH));
        m.put("pytorch same pool", () -> Pooling.max(ROW, new PoolSpec(1, 2, 1, 2, Padding.SAME), Convention.PYTORCH));
        m.put("a layer's error", () -> new Pipeline(Convention.TENSORFLOW, List.of(PoolLayer.max(PoolSpec.of(2, 2)),
                new Conv2dLayer(Kernel.of(new double[3][3]), Convention.TENSORFLOW.resolve(null))))
                .run(Tensor.of(new double[4][4]), new ReferenceEngine()));
        m.put("empty text", () -> NdArrayParser.parse(" ", "kernel", 100));
        m.put("after the bracket", () -> NdArrayParser.parse("[[1, 2]] x", "kernel", 100));
        m.put("no bracket", () -> NdArrayParser.parse("[1, [2], 3", "kernel", 100));
        m.put("no bracket at the end", () -> NdArrayParser.parse("[[1, 2]", "kernel", 100));
        m.put("expected a list", () -> NdArrayParser.parse("7", "kernel", 100));
        m.put("empty list", () -> NdArrayParser.parse("[[]]", "kernel", 100));
        m.put("ragged", () -> NdArrayParser.parse("[[1, 2], [3]]", "kernel", 100));
        m.put("uneven nesting", () -> NdArrayParser.parse("[[1, 2], [3, [4]]]", "kernel", 100));
        m.put("number for a list", () -> NdArrayParser.parse("[[1, 2], 3]", "kernel", 100));
        m.put("not a number", () -> NdArrayParser.parse("[[1, abc]]", "input", 100));
        m.put("a single number", () -> NestedLists.toNdArray(2.0, "bias"));
        m.put("a part of the request", () -> {
            throw BadRequestException.at("layers[0]", BadRequestException.of(catchRuntime(() -> NdArrayParser.parse("[[1, 2], [3]]", "kernel", 100))));
        });
        return m;
    }

    private static RuntimeException catchRuntime(ThrowingCallable call) {
        return (RuntimeException) catchThrowable(call);
    }

    @Test
    void everyPageErrorReadsInBothLanguagesAndItsEnglishIsTheApis() {
        for (Map.Entry<String, ThrowingCallable> e : errors().entrySet()) {
            Throwable error = catchThrowable(e.getValue());
            assertThat(error).as(e.getKey()).isInstanceOf(Translatable.class);
            assertThat(((Translatable) error).reason()).as("%s has a reason", e.getKey()).isNotNull();
            String english = Messages.explain(error, Locale.ENGLISH);
            String portuguese = Messages.explain(error, Messages.PORTUGUESE);
            assertThat(english).as(e.getKey()).isEqualTo(error.getMessage());
            assertThat(portuguese).as(e.getKey()).isNotEqualTo(english).doesNotContain("!error.").doesNotContain("{");
        }
    }

    @Test
    void theAxisAndAWrappedLayerErrorAreTranslatedToo() {
        Throwable kernel = catchThrowable(errors().get("kernel too large"));
        assertThat(Messages.explain(kernel, Messages.PORTUGUESE))
                .isEqualTo("a altura do kernel (3) é maior que a entrada com preenchimento (2 + 0 + 0 = 2)");
        Throwable layer = catchThrowable(errors().get("a layer's error"));
        assertThat(Messages.explain(layer, Messages.PORTUGUESE))
                .isEqualTo("layers[1] (conv2d) com entrada [1, 2, 2]: a altura do kernel (3) é maior que a entrada com preenchimento"
                        + " (2 + 0 + 0 = 2)");
        Throwable paste = catchThrowable(errors().get("not a number"));
        assertThat(Messages.explain(paste, Messages.PORTUGUESE)).isEqualTo("input[0][1] é 'abc', que não é um número");
    }

    @Test
    void anErrorWithoutAKeyShowsItsEnglish() {
        Throwable plain = new BadRequestException("kernel is too odd");
        assertThat(Messages.explain(plain, Messages.PORTUGUESE)).isEqualTo("kernel is too odd");
        assertThat(Messages.explain(new IllegalStateException("boom"), Messages.PORTUGUESE)).isEqualTo("boom");
    }
}
