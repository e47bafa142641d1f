package org.convplay.image;

import java.time.Instant;
import java.util.Optional;
import org.convplay.shared.TooLargeException;
import org.convplay.shared.Hashes;
import org.convplay.shared.Limits;
import org.convplay.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Image files for saved experiments, content-addressed like Skia fiddle's: a file is stored once under the
 * SHA-256 of its bytes however many experiments use it, and an experiment names it by that hash.
 */
@Service
public class ImageStore {

    private final ImageBlobRepository blobs;

    ImageStore(ImageBlobRepository blobs) {
        this.blobs = blobs;
    }

    /** A stored file's hash and the picture it decodes to. */
    public record Stored(String sha256, DecodedImage image) {
    }

    /** Stores a PNG or JPEG unless it is there already; a file that is not an image is refused. */
    @Transactional
    public Stored put(byte[] bytes, String fileName) {
        if (bytes.length > Limits.MAX_IMAGE_BYTES) {
            throw new TooLargeException(fileName + " has " + bytes.length + " bytes; the limit is " + Limits.MAX_IMAGE_BYTES);
        }
        // what is stored must open later: decoding now refuses other formats, broken files and decompression bombs
        DecodedImage image = ImageDecoder.decode(bytes, fileName);
        String sha = Hashes.sha256(bytes);
        if (!blobs.existsById(sha)) {
            blobs.save(new ImageBlob(sha, bytes, Instant.now()));
        }
        return new Stored(sha, image);
    }

    /** The file stored under this hash, or NotFoundException. */
    @Transactional(readOnly = true)
    public byte[] file(String sha256) {
        return get(sha256).orElseThrow(() -> new NotFoundException("no stored image with SHA-256 " + sha256));
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> get(String sha256) {
        return blobs.findById(sha256).map(ImageBlob::bytes);
    }

    /** Files stored, for the tests that show a file is stored once. */
    @Transactional(readOnly = true)
    public long count() {
        return blobs.count();
    }
}
