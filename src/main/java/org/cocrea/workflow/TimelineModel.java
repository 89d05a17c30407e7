package org.cocrea.workflow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.cocrea.CocreaApplication;

/** How {@link CoCreationTimeline} reads a BPMN model: its main line, its element names and its timer dates. */
final class TimelineModel {

    /** A timer date that is one variable, {@code ${callClosesAt}}. */
    static final Pattern PLAIN_VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private TimelineModel() {
    }

    /**
     * The main line of a scope: breadth-first from its start events along the sequence flows, embedded subprocesses
     * replaced by their own main line.
     */
    static List<FlowNode> mainLine(Collection<FlowElement> scope, boolean topLevel) {
        List<FlowNode> line = new ArrayList<>();
        Deque<FlowNode> queue = new ArrayDeque<>();
        scope.stream().filter(StartEvent.class::isInstance).map(FlowNode.class::cast).forEach(queue::add);
        Set<String> visited = new HashSet<>();
        while (!queue.isEmpty()) {
            FlowNode node = queue.poll();
            if (!visited.add(node.getId())) {
                continue;
            }
            if (node instanceof SubProcess sub) {
                if (sub.triggeredByEvent()) {
                    continue;
                }
                List<FlowNode> inner = mainLine(sub.getFlowElements(), false);
                if (inner.isEmpty()) {
                    line.add(sub);
                } else {
                    line.addAll(inner);
                }
            } else if (node instanceof CallActivity || node instanceof UserTask || isTimer(node)
                    || (topLevel && node instanceof EndEvent)) {
                line.add(node);
            }
            for (SequenceFlow flow : node.getOutgoing()) {
                queue.add(flow.getTarget());
            }
        }
        return line;
    }

    /**
     * An intermediate timer waiting for a date ({@code timeDate}: a closing, a meeting); a timer waiting a duration
     * or a cycle (a re-check every 12 hours) is the engine's housekeeping, not a stage.
     */
    static boolean isTimer(FlowNode node) {
        return node instanceof IntermediateCatchEvent event && event.getEventDefinitions().stream()
                .anyMatch(d -> d instanceof TimerEventDefinition t && t.getTimeDate() != null);
    }

    static CoCreationTimeline.Name name(BaseElement element) {
        String es = element.getAttributeValue("name");
        if (es == null || es.isBlank()) {
            es = element.getId();
        }
        String en = null;
        if (element.getExtensionElements() != null) {
            en = element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                    .stream().flatMap(p -> p.getCamundaProperties().stream())
                    .filter(p -> CoCreationTimeline.ENGLISH_NAME.equals(p.getCamundaName()) && p.getCamundaValue() != null
                            && !p.getCamundaValue().isBlank())
                    .map(p -> p.getCamundaValue().strip()).findFirst().orElse(null);
        }
        return new CoCreationTimeline.Name(es.strip(), en == null ? es.strip() : en);
    }

    /** A timer's value as the engine accepts it: a Date, or an ISO 8601 text (local times in Buenos Aires). */
    static Instant toInstant(Object value) {
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof String s) {
            try {
                return OffsetDateTime.parse(s.strip()).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(s.strip()).atZone(ZONE).toInstant();
                } catch (DateTimeParseException notLocal) {
                    return null;
                }
            }
        }
        return null;
    }

}
