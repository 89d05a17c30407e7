package org.cocrea.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.springframework.stereotype.Service;

/**
 * Read-only view of one running (or finished) co-creation instance as its own BPMN model has it, for the public page
 * {@code /co-creation/{id}}: the stages on the model's main line in sequence-flow order, each done, open or next,
 * with the dates the engine knows. Nothing here is a hand-written list of phases: a process owner who renames,
 * adds or removes a stage in {@code processes/co-creation.bpmn} and deploys it changes what the page shows for the
 * instances started on that version.
 *
 * <p>What counts as a stage: on the main line (from the start events along the sequence flows; boundary events and
 * event subprocesses are not the main line), every call activity, user task, intermediate timer waiting for a date and
 * top-level end event; an embedded subprocess is replaced by the stages of its own main line (a subprocess without any is a stage
 * itself). Service tasks and gateways are the engine's work, not a stage a visitor follows.
 *
 * <p>Names: the element's {@code name} (Spanish, as the models are written) and, when the model carries it, the
 * English name in the extension property {@code camunda:property name="name_en"}; without it the English page shows
 * the Spanish name.
 *
 * <p>Dates: start and end of the stage's activity instances (history), and, for a call activity, the timers of the
 * called process whose {@code timeDate} is a plain variable ({@code ${callClosesAt}}, {@code ${roundTableStartsAt}},
 * {@code ${commentDeadline}}), read from that called instance's variables. All instants are UTC {@link Instant}s;
 * pages show them in America/Argentina/Buenos_Aires.
 */
@Service
public class CoCreationTimeline {

    /** The extension property carrying an element's English name. */
    public static final String ENGLISH_NAME = "name_en";

    private final HistoryService historyService;
    private final RepositoryService repositoryService;

    CoCreationTimeline(HistoryService historyService, RepositoryService repositoryService) {
        this.historyService = historyService;
        this.repositoryService = repositoryService;
    }

    /** Where a stage is: done, open now, still to come, or not run although the instance ended (another path). */
    public enum State {
        DONE, OPEN, NEXT, SKIPPED
    }

    /**
     * A text in the two languages of the site.
     *
     * @param es Spanish (the model's {@code name})
     * @param en English ({@code name_en}), or the Spanish text when the model has none
     */
    public record Name(String es, String en) {

        /**
         * @param locale the page's locale
         * @return English for {@code en}, Spanish otherwise
         */
        public String in(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? en : es;
        }
    }

    /**
     * A date of a stage taken from a timer of the called process.
     *
     * @param elementId the timer's element id, e.g. {@code Timer_CallCloses}
     * @param name      the timer's name
     * @param at        when it fires (UTC)
     * @param passed    whether the timer has fired
     * @param axis      the called instance's {@code axis} variable (one round-table per axis), or null
     */
    public record KeyDate(String elementId, Name name, Instant at, boolean passed, String axis) {
    }

    /**
     * One stage of the main line.
     *
     * @param elementId element id in the model, e.g. {@code CallActivity_RoundTable}
     * @param name      element name
     * @param state     done, open, next or skipped
     * @param startedAt first start of the stage (UTC), null if it never started
     * @param endedAt   last end (UTC), only when done
     * @param runs      how many times it ran or runs (one per axis or topic in a multi-instance)
     * @param runsOpen  how many of them are open now
     * @param dates     the stage's timer dates, earliest first
     */
    public record Stage(String elementId, Name name, State state, Instant startedAt, Instant endedAt, int runs,
            int runsOpen, List<KeyDate> dates) {
    }

    /**
     * @param processInstanceId the top-level process instance shown (the co-creation instance, or the call for
     *                          proposals itself when it was started on its own)
     * @param processKey        its process definition key
     * @param version           its process definition version
     * @param name              the process name
     * @param startedAt         when it started (UTC)
     * @param endedAt           when it ended (UTC), or null while running
     * @param stages            the main line, in sequence-flow order
     */
    public record Timeline(String processInstanceId, String processKey, int version, Name name, Instant startedAt,
            Instant endedAt, List<Stage> stages) {

        /** @return the stages open now (several in parallel branches) */
        public List<Stage> open() {
            return stages.stream().filter(s -> s.state() == State.OPEN).toList();
        }

        /** @return the first stage still to come, if any */
        public Optional<Stage> next() {
            return stages.stream().filter(s -> s.state() == State.NEXT).findFirst();
        }
    }

    /**
     * @param processInstanceId any process instance of the co-creation instance, e.g. the call for proposals' one
     *                          ({@code CallForProposals.getProcessInstanceId()}); the view is of its top-level
     *                          instance (the {@code co-creation} instance that called it, if any)
     * @return the timeline, or empty when the engine's history has no such instance
     */
    public Optional<Timeline> ofInstance(String processInstanceId) {
        return ofInstance(processInstanceId, List.of());
    }

    /**
     * As {@link #ofInstance(String)}, for an instance whose later stages were started on their own rather than by
     * the top-level model's call activities (a call for proposals started alone, then its round-tables and drafts):
     * the related process instances outside the top-level instance follow its main line as one stage per process
     * (named by the process, open while one of them runs, with their timer dates).
     *
     * @param processInstanceId as for {@link #ofInstance(String)}
     * @param related           other process instances of the same co-creation instance (e.g. its round-tables'
     *                          and drafts'); those the top-level instance called are already on its main line and
     *                          ids unknown to the history are left out
     * @return the timeline, or empty when the engine's history has no such instance
     */
    public Optional<Timeline> ofInstance(String processInstanceId, Collection<String> related) {
        HistoricProcessInstance root = processInstance(processInstanceId);
        if (root == null) {
            return Optional.empty();
        }
        Set<String> seen = new HashSet<>();
        while (root.getSuperProcessInstanceId() != null && seen.add(root.getId())) {
            HistoricProcessInstance up = processInstance(root.getSuperProcessInstanceId());
            if (up == null) {
                break;
            }
            root = up;
        }
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(root.getProcessDefinitionId());
        Process process = model.getModelElementById(root.getProcessDefinitionKey());
        Map<String, List<HistoricActivityInstance>> runs = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(root.getId()).list().stream()
                .collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId));
        boolean ended = root.getEndTime() != null;
        List<Stage> stages = new ArrayList<>();
        for (FlowNode node : TimelineModel.mainLine(process.getFlowElements(), true)) {
            stages.add(stage(node, runs.getOrDefault(node.getId(), List.of()), ended, root));
        }
        stages.addAll(separateStages(root.getId(), related));
        return Optional.of(new Timeline(root.getId(), root.getProcessDefinitionKey(),
                root.getProcessDefinitionVersion(), TimelineModel.name(process), instant(root.getStartTime()),
                instant(root.getEndTime()), List.copyOf(stages)));
    }

    private Stage stage(FlowNode node, List<HistoricActivityInstance> runs, boolean ended,
            HistoricProcessInstance root) {
        int open = (int) runs.stream().filter(r -> r.getEndTime() == null).count();
        State state = open > 0 ? State.OPEN : !runs.isEmpty() ? State.DONE : ended ? State.SKIPPED : State.NEXT;
        Instant started = runs.stream().map(HistoricActivityInstance::getStartTime).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).map(Date::toInstant).orElse(null);
        Instant finished = state != State.DONE ? null : runs.stream().map(HistoricActivityInstance::getEndTime)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).map(Date::toInstant).orElse(null);
        List<KeyDate> dates = new ArrayList<>();
        if (node instanceof CallActivity) {
            for (HistoricActivityInstance run : runs) {
                HistoricProcessInstance called = run.getCalledProcessInstanceId() == null ? null
                        : processInstance(run.getCalledProcessInstanceId());
                if (called != null) {
                    BpmnModelInstance model = repositoryService.getBpmnModelInstance(called.getProcessDefinitionId());
                    dates.addAll(timerDates(model.getModelElementsByType(IntermediateCatchEvent.class), called.getId()));
                }
            }
        } else if (TimelineModel.isTimer(node)) {
            dates.addAll(timerDates(List.of((IntermediateCatchEvent) node), root.getId()));
        }
        dates.sort(Comparator.comparing(KeyDate::at));
        return new Stage(node.getId(), TimelineModel.name(node), state, started, finished, runs.size(), open, List.copyOf(dates));
    }

    /** The related instances outside the top-level one, one stage per process, in the order they started. */
    private List<Stage> separateStages(String rootId, Collection<String> related) {
        Map<String, List<HistoricProcessInstance>> byProcess = new LinkedHashMap<>();
        related.stream().filter(Objects::nonNull).distinct().map(this::processInstance).filter(Objects::nonNull)
                .filter(p -> !p.getId().equals(rootId) && !rootId.equals(p.getRootProcessInstanceId()))
                .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime))
                .forEach(p -> byProcess.computeIfAbsent(p.getProcessDefinitionKey(), k -> new ArrayList<>()).add(p));
        List<Stage> stages = new ArrayList<>();
        byProcess.forEach((key, instances) -> {
            int open = (int) instances.stream().filter(p -> p.getEndTime() == null).count();
            List<KeyDate> dates = new ArrayList<>();
            Name name = null;
            for (HistoricProcessInstance p : instances) {
                BpmnModelInstance model = repositoryService.getBpmnModelInstance(p.getProcessDefinitionId());
                if (name == null) {
                    name = TimelineModel.name(model.getModelElementById(key));
                }
                dates.addAll(timerDates(model.getModelElementsByType(IntermediateCatchEvent.class), p.getId()));
            }
            dates.sort(Comparator.comparing(KeyDate::at));
            Instant started = instant(instances.get(0).getStartTime());
            Instant finished = open > 0 ? null : instances.stream().map(HistoricProcessInstance::getEndTime)
                    .max(Comparator.naturalOrder()).map(Date::toInstant).orElse(null);
            stages.add(new Stage(key, name, open > 0 ? State.OPEN : State.DONE, started, finished, instances.size(),
                    open, List.copyOf(dates)));
        });
        return stages;
    }

    /** The timers of {@code events} with a plain-variable date, resolved in the given process instance. */
    private List<KeyDate> timerDates(Collection<IntermediateCatchEvent> events, String processInstanceId) {
        List<KeyDate> dates = new ArrayList<>();
        String axis = null;
        for (IntermediateCatchEvent event : events) {
            for (TimerEventDefinition timer : event.getChildElementsByType(TimerEventDefinition.class)) {
                TimeDate date = timer.getTimeDate();
                Matcher m = date == null ? null : TimelineModel.PLAIN_VARIABLE.matcher(date.getTextContent().strip());
                if (m == null || !m.matches()) {
                    continue;
                }
                Instant at = variable(processInstanceId, m.group(1)).map(TimelineModel::toInstant).orElse(null);
                if (at == null) {
                    continue;
                }
                if (axis == null) {
                    axis = variable(processInstanceId, CoCreationProcess.AXIS).filter(String.class::isInstance)
                            .map(String.class::cast).orElse("");
                }
                boolean passed = historyService.createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId).activityId(event.getId()).finished().count() > 0;
                dates.add(new KeyDate(event.getId(), TimelineModel.name(event), at, passed, axis.isEmpty() ? null : axis));
            }
        }
        return dates;
    }

    private HistoricProcessInstance processInstance(String id) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private Optional<Object> variable(String processInstanceId, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).list().stream().map(HistoricVariableInstance::getValue).filter(Objects::nonNull)
                .findFirst();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
