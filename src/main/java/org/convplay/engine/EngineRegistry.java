package org.convplay.engine;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.convplay.engine.cpu.FastCpuEngine;

/**
 * The convolution engines this machine can run, in order of preference (fastest first, the reference
 * last), and why the missing ones are missing. Engines with native or optional parts (OpenCV, TornadoVM)
 * are looked up by class name, so that a machine without them still starts and simply lists fewer engines.
 */
public final class EngineRegistry {

    /** An engine that was looked for and is not here, with the reason for the benchmark page. */
    public record Absent(String name, String reason) {
    }

    static final String OPENCV_CLASS = "org.convplay.engine.opencv.OpenCvEngine";
    static final String TORNADO = "tornado";
    static final String TORNADO_CLASS = "org.convplay.engine.tornado.TornadoEngine";

    private final Map<String, ConvolutionEngine> engines;
    private final List<Absent> absent;
    private final EngineChooser chooser;

    /** Engines in order of preference; names must be unique. The first answers every request that names none. */
    public EngineRegistry(List<ConvolutionEngine> engines, List<Absent> absent) {
        this(engines, absent, List.of(engines.get(0).name()), engines.get(0).name());
    }

    /**
     * @param automatic the engines a request that names none may go to, chosen by measurement ({@link EngineChooser})
     * @param fallback  one of them, kept unless another is clearly faster, and the engine of {@link #defaultEngine()}
     */
    public EngineRegistry(List<ConvolutionEngine> engines, List<Absent> absent, List<String> automatic,
                          String fallback) {
        Map<String, ConvolutionEngine> byName = new LinkedHashMap<>();
        for (ConvolutionEngine e : engines) {
            if (byName.putIfAbsent(e.name(), e) != null) {
                throw new IllegalArgumentException("two engines are named '" + e.name() + "'");
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("a registry needs at least one engine");
        }
        this.engines = Collections.unmodifiableMap(byName);
        this.absent = List.copyOf(absent);
        this.chooser = new EngineChooser(automatic.stream().map(this::get).toList(), get(fallback));
    }

    /**
     * Every engine that loads here, in order of preference: TornadoVM when present (an accelerator wins on large
     * inputs), then the pure-Java cpu engine, then OpenCV, then the reference oracle. The cpu engine comes before
     * OpenCV even where OpenCV measures faster (docs/performance.md): it is always there, computes every request the
     * same way, and is the more accurate (OpenCV's dnn uses Winograd F(6x6, 3x3) for 3x3 layers, with larger errors).
     */
    public static EngineRegistry discover() {
        List<ConvolutionEngine> found = new ArrayList<>();
        List<Absent> missing = new ArrayList<>();
        load(TORNADO, TORNADO_CLASS, found, missing);
        found.add(new FastCpuEngine());
        load("opencv", OPENCV_CLASS, found, missing);
        found.add(new ReferenceEngine());
        List<String> automatic = found.stream().map(ConvolutionEngine::name)
                .filter(n -> n.equals(TORNADO) || n.equals(FastCpuEngine.NAME)).toList();
        EngineRegistry registry = new EngineRegistry(found, missing, automatic, FastCpuEngine.NAME);
        // at start-up, so that the first requests need not wait for it; until then they go to cpu
        registry.chooser().calibrateInBackground();
        return registry;
    }

    private static final class Holder {
        static final EngineRegistry INSTANCE = discover();
    }

    /** One shared registry per JVM: discovering loads native libraries, which is worth doing once. */
    public static EngineRegistry shared() {
        return Holder.INSTANCE;
    }

    /**
     * Instantiates an optional engine by class name. A missing class, a missing runtime or native library,
     * or a constructor that refuses (its own availability check) all become an {@link Absent} entry.
     */
    static void load(String name, String className, List<ConvolutionEngine> found, List<Absent> missing) {
        try {
            Class<?> type = Class.forName(className);
            Constructor<?> constructor = type.getConstructor();
            found.add((ConvolutionEngine) constructor.newInstance());
        } catch (ClassNotFoundException e) {
            missing.add(new Absent(name, "not built into this application (" + className + " is absent)"));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            missing.add(new Absent(name, reason(e)));
        }
    }

    /**
     * Why loading failed, in words a user can act on: the innermost cause, past the wrappers that reflection and
     * class initialisation add ({@code InvocationTargetException}, {@code ExceptionInInitializerError}, whose own
     * message is null), e.g. "IllegalStateException: no OpenCL platform found" instead of
     * "ExceptionInInitializerError: null". A cause without a message borrows the nearest enclosing one that has one.
     */
    static String reason(Throwable failure) {
        Throwable root = failure;
        String message = failure.getMessage();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
            if (root.getMessage() != null && !root.getMessage().isBlank()) {
                message = root.getMessage();
            }
        }
        String text = root.getClass().getSimpleName() + (message == null ? "" : ": " + message.trim());
        for (Throwable s : failure.getSuppressed()) {
            text += " (also: " + s.getClass().getSimpleName() + ": " + s.getMessage() + ")";
        }
        return text;
    }

    /** Available engines, most preferred first. */
    public List<ConvolutionEngine> engines() {
        return List.copyOf(engines.values());
    }

    public List<String> names() {
        return List.copyOf(engines.keySet());
    }

    /** Engines that were looked for and could not be loaded, with the reason. */
    public List<Absent> absent() {
        return absent;
    }

    public boolean has(String name) {
        return engines.containsKey(name);
    }

    /** @throws IllegalArgumentException naming the valid engines when there is none called {@code name} */
    public ConvolutionEngine get(String name) {
        ConvolutionEngine e = engines.get(name);
        if (e == null) {
            String why = absent.stream().filter(a -> a.name().equals(name)).map(a -> " (" + a.reason() + ")")
                    .collect(Collectors.joining());
            throw new IllegalArgumentException("unknown or unavailable engine '" + name + "'" + why
                    + ": expected one of " + String.join(", ", engines.keySet()));
        }
        return e;
    }

    /**
     * The engine for requests that name none and whose size is not known (a pipeline): the fallback, which
     * computes every request the same way on any machine.
     */
    public ConvolutionEngine defaultEngine() {
        return chooser.fallback();
    }

    /**
     * The engine for a request that names none: the one measured fastest here at the nearest calibrated size
     * ({@link EngineChooser}); the fallback while the candidates are still being measured (a few seconds from start-up).
     */
    public EngineChooser.Choice choose(Tensor input, Kernel kernel, ConvSpec spec) {
        ConvGeometry.Plan plan = ConvGeometry.check(input, kernel, spec);
        long multiplyAdds = (long) kernel.filters() * kernel.channelsPerGroup() * kernel.height() * kernel.width()
                * plan.outHeight() * plan.outWidth();
        return chooser.choose(multiplyAdds, input.channels() > 1 || kernel.filters() > 1);
    }

    /** Which engines are chosen from, and the measurements behind the choice (calibrating now if not yet done). */
    public EngineChooser chooser() {
        return chooser;
    }
}
