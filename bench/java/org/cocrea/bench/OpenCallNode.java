package org.cocrea.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.workflow.CallForParticipationProcess;

/**
 * One Cocrea node of {@link OpenCallBench}, in its own JVM so the benchmark can kill it ({@code kill -9}) halfway
 * through an open call. Starts Cocrea as in production ({@link CocreaInJvm}, profile {@code postgres}, job executor
 * and scheduled jobs on) with the outbox delivering to the benchmark's SMTP server. Prints {@code READY} when
 * started and, every 200 ms, {@code HEAP <bytes>}: the peak heap use so far (the most in use at one moment: just before a
 * garbage collection, or at a sample). Each line
 * {@code start <subject>} on its standard input starts one {@code call-for-participation} instance and completes its
 * writing task as the team would in Tasklist (every subscribed contact, no topic); it answers {@code STARTED}. The line
 * {@code stop} stops it in order (so a Flight Recorder started with {@code dumponexit} writes its file).
 *
 * <p>Arguments: database, SMTP port, claim lease (ISO-8601 duration).
 */
public final class OpenCallNode {

    private OpenCallNode() {
    }

    /** @param args database, SMTP port, claim lease */
    public static void main(String[] args) throws Exception {
        CocreaInJvm app = CocreaInJvm.start(args[0], "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + args[1],
                "--cocrea.mail.send-interval=PT0.2S", "--cocrea.mail.claim-lease=" + args[2]);
        System.out.println("READY");
        Thread commands = new Thread(() -> commands(app), "commands");
        commands.setDaemon(true);
        commands.start();
        AtomicLong peak = new AtomicLong();
        watchCollections(peak);
        while (true) {
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            System.out.println("HEAP " + peak.get());
            Thread.sleep(200);
        }
    }

    /**
     * Keeps in {@code peak} the heap in use just before each garbage collection (summed over the heap pools at that
     * moment), the highest the heap gets between two samples. The sum of each pool's own peak, used before, added
     * peaks of different moments (eden full before a young collection, the old generation after many) and could
     * exceed {@code -Xmx}.
     */
    private static void watchCollections(AtomicLong peak) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                            notification.getType())) {
                        GcInfo info = GarbageCollectionNotificationInfo.from(
                                (CompositeData) notification.getUserData()).getGcInfo();
                        long used = 0;
                        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                            MemoryUsage before = info.getMemoryUsageBeforeGc().get(pool.getName());
                            if (pool.getType() == MemoryType.HEAP && before != null) {
                                used += before.getUsed();
                            }
                        }
                        peak.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
    }

    private static void commands(CocreaInJvm app) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        try {
            while ((line = in.readLine()) != null) {
                if (line.startsWith("start ")) {
                    start(app, line.substring("start ".length()));
                    System.out.println("STARTED");
                } else if (line.equals("stop")) {
                    app.close();
                    System.exit(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void start(CocreaInJvm app, String subject) {
        RuntimeService runtime = app.bean(RuntimeService.class);
        String instance = runtime.startProcessInstanceByKey(CallForParticipationProcess.KEY).getId();
        TaskService tasks = app.bean(TaskService.class);
        Task write = tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(CallForParticipationProcess.TASK_WRITE).singleResult();
        tasks.complete(write.getId(), Map.of(CallForParticipationProcess.SUBJECT_ES, subject,
                CallForParticipationProcess.BODY_ES, "Te invitamos a las mesas de co-creación del 3er plan de "
                        + "acción de Gobierno Abierto de la Ciudad. Inscribite en el enlace.",
                CallForParticipationProcess.SUBJECT_EN, subject + " (en)",
                CallForParticipationProcess.BODY_EN, "Join the co-creation round-tables of the City's third "
                        + "open government action plan. Register at the link.",
                CallForParticipationProcess.TOPIC, "",
                CallForParticipationProcess.LINK, "https://buenosaires.gob.ar/gobierno-abierto/mesas"));
    }
}
