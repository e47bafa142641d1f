package org.convplay.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.convplay.engine.Tensor;
import org.convplay.experiment.ExperimentKind;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.Html;
import org.convplay.shared.Numbers;
import org.springframework.stereotype.Component;

/** The images page's state; its picture is stored once by hash and travels with an export. */
@Component
class ImageKind implements ExperimentKind {

    private final ImageStore store;
    private final ImageConvolutionService images;

    ImageKind(ImageStore store, ImageConvolutionService images) {
        this.store = store;
        this.images = images;
    }

    @Override
    public String id() {
        return "images";
    }

    @Override
    public String requestDescription() {
        return "the images page's state";
    }

    @Override
    public boolean keepsImages() {
        return true;
    }

    /** The request must name an image that is stored or sent along, and have a kernel per channel of it. */
    @Override
    public void check(JsonNode request, List<byte[]> files) {
        ImageExperiment r;
        try {
            r = ImageExperiment.read(request);
        } catch (BadRequestException e) {
            throw new BadRequestException(e.getMessage().startsWith("request") ? e.getMessage() : "request: " + e.getMessage());
        }
        DecodedImage picture = null;
        for (byte[] file : files) {
            // a refusal below rolls the caller's transaction back: a file stored here that the request does not use goes too
            ImageStore.Stored stored = store.put(file, r.fileName());
            if (!stored.sha256().equals(r.sha256())) {
                throw new BadRequestException("images holds a file with SHA-256 " + stored.sha256()
                        + " that the request does not use; it names " + r.sha256());
            }
            picture = stored.image();
        }
        if (picture == null) {
            byte[] bytes = store.get(r.sha256()).orElseThrow(() -> new BadRequestException("request.image.sha256 " + r.sha256()
                    + " is not an image stored here: send the file in \"images\" as {\"<sha256>\": \"<base64>\"}"));
            picture = ImageDecoder.decode(bytes, r.fileName());
        }
        r.check(picture);
    }

    @Override
    public Map<String, byte[]> files(JsonNode request) {
        String sha = ImageExperiment.read(request).sha256();
        return Map.of(sha, store.file(sha));
    }

    /** The picture as saved and every band as a gray PNG, with the values black and white stand for. */
    @Override
    public Embed embed(JsonNode request) {
        ImageExperiment r = ImageExperiment.read(request);
        byte[] file = store.file(r.sha256());
        DecodedImage image = ImageDecoder.decode(file, r.fileName());
        Tensor bands = images.start(image.input(r.scale(), r.gray()), r.kernel(), r.spec()).result().join();
        StringBuilder out = new StringBuilder();
        out.append("<figure><figcaption>").append(Html.escape(r.fileName() + ", " + image.width() + " x " + image.height()))
                .append("</figcaption><img id=\"embed-image\" class=\"picture\" alt=\"input\" src=\"data:image/")
                .append(image.format()).append(";base64,").append(Base64.getEncoder().encodeToString(file)).append("\"></figure>");
        for (int f = 0; f < bands.channels(); f++) {
            BandPng.Rendered png = BandPng.render(bands, f);
            ImageExperiment.Filter filter = r.filters().get(f);
            String name = filter.preset() == null ? "" : " (" + filter.preset().id() + ")";
            out.append("<figure><figcaption>Band ").append(f + 1).append(Html.escape(name)).append(": ")
                    .append(Numbers.formatShort(png.black())).append(" black to ").append(Numbers.formatShort(png.white()))
                    .append(" white</figcaption><img class=\"band picture\" alt=\"band ").append(f + 1)
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png.png())).append("\"></figure>");
        }
        String footer = bands.channels() + " band(s) of " + bands.height() + " x " + bands.width() + " · padding "
                + Html.escape(r.padding()) + " · border " + r.border().id() + " · stride " + r.stride();
        return new Embed(out.toString(), footer);
    }
}
