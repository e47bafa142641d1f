package org.convplay.engine.cpu;

import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.InPlaceEngine;
import org.convplay.engine.Kernel;
import org.convplay.engine.ReferenceEngine;
import org.convplay.engine.Tensor;

/**
 * The fast pure-Java engine: every core, loops that HotSpot's C2 turns into SIMD code (and the Vector API where the
 * JVM has it), and blocks sized to stay in cache. Same numbers as {@link ReferenceEngine} up to float32 summation order.
 * The variants ({@link Strategy}): the direct method ({@link DirectConvolution}) for every request, and Winograd
 * F(2x2, 3x3) ({@link WinogradF23}) for 3x3 stride-1 layers with many channels, its channel sums as C2's loops or as
 * Vector API register blocks; {@link #choose} picks.
 *
 * <p>Where the speed comes from: for the direct method, source arrays aligned so that the hot loops ({@link TapSums})
 * read every array at one index, which C2 vectorises, and blocks sized for L1 and L2 ({@link DirectConvolution} says
 * how and why); for Winograd, 2.25x fewer multiplications; for both, every core ({@link Parallel}).
 * The figures behind these choices are in docs/performance.md ("FastCpuEngine, DirectConvolution").
 */
public final class FastCpuEngine extends InPlaceEngine {

    public static final String NAME = "cpu";

    @Override
    public String name() {
        return NAME;
    }

    /** Threads and SIMD, for the benchmark's machine description: whether the Vector API variant can run here. */
    @Override
    public String describe() {
        return "cpu engine: pure Java, " + Runtime.getRuntime().availableProcessors() + " threads (common ForkJoinPool), "
                + (WinogradF23.VECTOR_API
                ? "Vector API (" + WinogradVectorSum.BLOCK / 2 * 32 + "-bit) for the channel sums of 3x3 layers"
                : !WinogradF23.C2
                ? "no C2 compiler (-XX:TieredStopAtLevel below 4?): loops are not vectorised, everything runs slower"
                : "no Vector API: 3x3 layers run slower (start the JVM with --add-modules jdk.incubator.vector)");
    }

    /** Channels per group from which 3x3 stride-1 layers go to {@link WinogradF23} (measured: see {@link #choose}). */
    static final int WINOGRAD_MIN_CHANNELS = 8;

    /** The variants, side by side; {@link #choose} picks one. */
    enum Strategy {
        /** Taps over shifted rows or im2col blocks: every spec; wins for few channels and every non-3x3 kernel. */
        DIRECT,
        /**
         * Winograd F(2x2, 3x3): 3x3, stride 1, no dilation; wins from about 8 channels per group. F(4x4, 3x3) was
         * tried and dropped: no faster here (its transforms cost what its products save) and many times the error,
         * beyond the contract's 1e-5.
         */
        WINOGRAD,
        /**
         * The same Winograd transforms, with the channel sums in the Vector API's register blocks
         * ({@link WinogradVectorSum}): only in a JVM started with {@code --add-modules jdk.incubator.vector} whose C2
         * compiler runs ({@link WinogradF23#VECTOR_API}); faster than the loops (see {@link WinogradVectorSum}).
         */
        WINOGRAD_VECTOR
    }

    /**
     * The one place where the thresholds live. Winograd needs a 3x3 stride-1 undilated kernel, enough channels
     * for its 2.25x fewer multiplications to pay for the transforms, and a workspace that fits in memory.
     */
    static Strategy choose(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan) {
        if (WinogradF23.supports(kernel, spec) && kernel.channelsPerGroup() >= WINOGRAD_MIN_CHANNELS
                && WinogradF23.workspace(input.channels(), kernel.filters(), plan) <= WinogradF23.MAX_WORKSPACE) {
            return WinogradF23.VECTOR_API ? Strategy.WINOGRAD_VECTOR : Strategy.WINOGRAD;
        }
        return Strategy.DIRECT;
    }

    /** Writes straight into {@code out}: every output value is written once, so its old contents never matter. */
    @Override
    protected Tensor run(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, Tensor out) {
        return convolve(input, kernel, spec, plan, choose(input, kernel, spec, plan), out);
    }

    /** One variant, chosen by the caller, into {@code out} (checked): tests run every variant against the reference. */
    static Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, Strategy strategy,
                           Tensor out) {
        if (strategy != Strategy.DIRECT && !WinogradF23.supports(kernel, spec)) {
            throw new IllegalArgumentException("Winograd needs a 3x3 kernel, stride 1 and no dilation");
        }
        if (strategy != Strategy.DIRECT) {
            return WinogradF23.convolve(input, kernel, spec, plan, out, strategy == Strategy.WINOGRAD_VECTOR);
        }
        return DirectConvolution.convolve(input, kernel, spec, plan, out);
    }
}
