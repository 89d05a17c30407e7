package org.cocrea.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A poor man's profiler for the benchmarks: every 20 ms it takes the stacks of the threads that do the application's
 * work (Tomcat's request threads {@code http-nio-*-exec-*} and the job executor's threads) that are RUNNABLE, and
 * counts each sample twice: by what runs at the top of the stack (waiting on PostgreSQL, or CPU in which library), and
 * by the innermost Cocrea method on the stack that is not a servlet filter or command interceptor (the component the
 * time is spent under). Tallies are read and reset per
 * phase.
 */
final class StackSampler implements AutoCloseable {

    private final Map<String, Integer> top = new HashMap<>();
    private final Map<String, Integer> cocrea = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private int samples;

    StackSampler() {
        thread = new Thread(this::loop, "bench-stack-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running.get()) {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                String name = e.getKey().getName();
                boolean worker = name.startsWith("http-nio") && name.contains("-exec-") || name.contains("JobExecutor")
                        || name.startsWith("camundaTaskExecutor");
                StackTraceElement[] stack = e.getValue();
                if (!worker || e.getKey().getState() != Thread.State.RUNNABLE || stack.length == 0
                        || idle(stack[0])) {
                    continue;
                }
                synchronized (this) {
                    samples++;
                    top.merge(topCategory(stack), 1, Integer::sum);
                    cocrea.merge(innermostCocrea(stack), 1, Integer::sum);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException ex) {
                return;
            }
        }
    }

    private static boolean idle(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.startsWith("sun.nio.ch.EPoll") || c.equals("sun.nio.ch.Net") && frame.getMethodName().equals("accept");
    }

    private static String topCategory(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.startsWith("org.postgresql.")) {
                return "PostgreSQL driver (mostly waiting for the database)";
            }
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("com.sun.")) {
                continue; // JDK frames belong to whoever called them
            }
            String[] parts = c.split("\\.");
            return "CPU in " + String.join(".", Arrays.copyOf(parts, Math.min(parts.length - 1, 4)));
        }
        return "CPU in the JDK";
    }

    private static String innermostCocrea(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.startsWith("org.cocrea.") && !c.startsWith("org.cocrea.bench.")) {
                if (wrapper(c, f.getMethodName())) {
                    continue; // a filter or command interceptor around everything: look further down for the owner
                }
                String name = c.contains("$Proxy") ? c.replaceAll("\\$Proxy.*", "<Spring Data repository>")
                        : c.replaceAll("\\$.*", "");
                return name.replace("org.cocrea.", "") + "." + f.getMethodName();
            }
        }
        return "(no Cocrea code but its filters/interceptors: engine, REST, web framework)";
    }

    /** Cocrea's servlet filters and engine command interceptors, which wrap whole requests and commands. */
    private static boolean wrapper(String className, String method) {
        return method.startsWith("doFilter") || "execute".equals(method)
                && (className.endsWith("OwnedVariablesGuard$Interceptor") || className.endsWith("RefusedCommands$Interceptor")
                        || className.startsWith("org.cocrea.workflow.EngineJobAuthorization"));
    }

    /** @return the phase's tallies ({@code lines} most frequent of each kind, as percent of samples), then resets */
    synchronized List<String> drain(int lines) {
        List<String> out = new ArrayList<>();
        if (samples > 0) {
            out.add(samples + " samples of busy worker threads; at the top of the stack:");
            out.addAll(format(top, lines));
            out.add("under the innermost Cocrea method:");
            out.addAll(format(cocrea, lines));
        }
        top.clear();
        cocrea.clear();
        samples = 0;
        return out;
    }

    private List<String> format(Map<String, Integer> tally, int lines) {
        int total = samples;
        Map<String, Integer> sorted = tally.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue()
                .reversed()).limit(lines).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                (a, b) -> a, LinkedHashMap::new));
        return sorted.entrySet().stream().map(e -> String.format(Locale.ROOT, "      %5.1f %%  %s",
                100.0 * e.getValue() / total, e.getKey())).toList();
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
