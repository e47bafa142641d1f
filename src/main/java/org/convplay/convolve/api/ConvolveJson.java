package org.convplay.convolve.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.JsonArrays;
import org.convplay.convolve.ConvolutionRequest;
import org.convplay.shared.Limits;
import org.convplay.shared.NdArray;
import org.convplay.shared.RequestJson;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;

/** Reads the body of {@code POST /api/convolve} (docs/api.md) into a request, naming the field of every error. */
public final class ConvolveJson {

    static final Set<String> FIELDS = Set.of("input", "kernel", "bias", "padding", "stride", "dilation", "groups",
            "flip", "border", "convention", "backend", "layout");

    private ConvolveJson() {
    }

    static ConvolutionRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("the body must be a JSON object with at least \"input\" and \"kernel\"");
        }
        RequestJson.rejectUnknown(body, FIELDS);
        boolean channelsLast = RequestJson.channelsLast(body);
        NdArray inputArray = RequestJson.input(JsonArrays.read(body.get("input"), "input", Limits.MAX_INPUT_VALUES), channelsLast);
        NdArray kernelArray = RequestJson.kernel(JsonArrays.read(body.get("kernel"), "kernel", Limits.MAX_KERNEL_VALUES), channelsLast);
        Tensor input = inputArray.toTensor("input");
        double[] bias = JsonArrays.vector(body.get("bias"), "bias", Limits.MAX_KERNEL_VALUES);
        Kernel kernel = kernelArray.toKernel("kernel", bias);
        if (kernelArray.rank() == 2 && inputArray.rank() != 2) {
            throw new BadRequestException("kernel is 2-D (kh x kw), which goes with a 2-D input; for a C x H x W input "
                    + "give a 4-D kernel F x C x kh x kw");
        }
        Convention convention = RequestJson.convention(body);
        ConvSpec spec = RequestJson.spec(body, convention);
        return new ConvolutionRequest(input, kernel, spec, inputArray.rank() == 2 && kernelArray.rank() == 2, RequestJson.text(body, "backend"),
                channelsLast);
    }

}
