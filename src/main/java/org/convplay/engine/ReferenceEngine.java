package org.convplay.engine;

/**
 * The oracle: a direct, unoptimised transcription of docs/conventions.md. Every faster engine is tested
 * against it, so it favours being obviously right over being quick. Sums are kept in double and
 * rounded to float32 once per output cell.
 */
public final class ReferenceEngine extends InPlaceEngine {

    public static final String NAME = "reference";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "reference engine: one thread, sums in double, the oracle the others are tested against";
    }

    @Override
    protected Tensor run(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, Tensor out) {
        int filters = kernel.filters();
        for (int f = 0; f < filters; f++) {
            for (int oy = 0; oy < plan.outHeight(); oy++) {
                for (int ox = 0; ox < plan.outWidth(); ox++) {
                    out.set(f, oy, ox, (float) valueAt(input, kernel, spec, plan, f, oy, ox));
                }
            }
        }
        return out;
    }

    /**
     * One output value in double precision, straight from the definition. The benchmark uses it to spot-check
     * outputs too large to compute whole with this engine; {@code plan} comes from {@link ConvGeometry#check}.
     */
    public static double valueAt(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, int f, int oy, int ox) {
        int inPerGroup = input.channels() / spec.groups();
        int group = f / (kernel.filters() / spec.groups());
        int kh = kernel.height();
        int kw = kernel.width();
        double sum = kernel.biasOf(f);
        for (int c = 0; c < inPerGroup; c++) {
            int channel = group * inPerGroup + c;
            for (int j = 0; j < kh; j++) {
                for (int i = 0; i < kw; i++) {
                    // in[o*s + j*d - before] * w[j]; convolution reads w[k-1-j] instead
                    int y = oy * spec.strideY() + j * spec.dilationY() - plan.pads().top();
                    int x = ox * spec.strideX() + i * spec.dilationX() - plan.pads().left();
                    float w = spec.flip()
                            ? kernel.weight(f, c, kh - 1 - j, kw - 1 - i)
                            : kernel.weight(f, c, j, i);
                    sum += (double) read(input, channel, y, x, spec.border()) * w;
                }
            }
        }
        return sum;
    }

    /** The value at (y, x), which may lie in the padding; the border decides what padding holds. */
    static float read(Tensor t, int c, int y, int x, Border border) {
        int sy = border.sourceIndex(y, t.height());
        int sx = border.sourceIndex(x, t.width());
        return sy < 0 || sx < 0 ? 0f : t.get(c, sy, sx);
    }
}
