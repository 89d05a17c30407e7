package org.cocrea.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The modelling conventions every file in {@code processes/} and {@code forms/} must follow (CONVENTIONS.md habits
 * 6-8): models parse; no generated ids; {@code historyTimeToLive} everywhere; a diagram for every element; user tasks
 * and start events reference an existing form with {@code formRefBinding="deployment"}; every
 * {@code delegateExpression} names a bean; names on every flow node; form schemas within Tasklist's form-js 1.8.
 */
final class ModelConventions {

    /** Ids as Camunda Modeler generates them, e.g. {@code Activity_0ph2gjd}, {@code Flow_1x2y3z4}. */
    static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_[0-9][0-9a-z]{6}$");
    private static final Pattern DELEGATE = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)\\}$");
    /** form-js components newer than the 1.8 renderer bundled in Tasklist 7.24. */
    private static final Set<String> UNSUPPORTED_FORM_COMPONENTS = Set.of("filepicker", "documentPreview");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelConventions() {
    }

    /**
     * @param bpmnName   file name for messages
     * @param model      the parsed BPMN
     * @param formIds    ids of the forms in {@code forms/}
     * @param beanNames  Spring bean names of the application
     * @return every violation, empty when the model follows the conventions
     */
    static List<String> checkBpmn(String bpmnName, BpmnModelInstance model, Set<String> formIds, Set<String> beanNames) {
        List<String> problems = new ArrayList<>();
        for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
            if (e.getId() != null && GENERATED_ID.matcher(e.getId()).matches()) {
                problems.add(bpmnName + ": generated id " + e.getId());
            }
        }
        for (Process p : model.getModelElementsByType(Process.class)) {
            if (p.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(bpmnName + ": process " + p.getId() + " has no historyTimeToLive");
            }
        }
        Set<String> shapes = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
        for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
            if (!shapes.contains(n.getId())) {
                problems.add(bpmnName + ": " + n.getId() + " has no diagram shape");
            }
            if (n.getName() == null || n.getName().isBlank()) {
                problems.add(bpmnName + ": " + n.getId() + " has no name");
            }
        }
        for (SequenceFlow f : model.getModelElementsByType(SequenceFlow.class)) {
            if (!shapes.contains(f.getId())) {
                problems.add(bpmnName + ": " + f.getId() + " has no diagram edge");
            }
        }
        for (UserTask t : model.getModelElementsByType(UserTask.class)) {
            checkForm(bpmnName, t.getId(), t.getCamundaFormRef(), t.getCamundaFormRefBinding(), true, formIds, problems);
            if (t.getCamundaCandidateGroups() == null && t.getCamundaAssignee() == null) {
                problems.add(bpmnName + ": " + t.getId() + " has no candidate group");
            }
        }
        for (StartEvent s : model.getModelElementsByType(StartEvent.class)) {
            checkForm(bpmnName, s.getId(), s.getCamundaFormRef(), s.getCamundaFormRefBinding(), false, formIds, problems);
        }
        for (ModelElementInstance e : model.getModelElementsByType(
                model.getModel().getType(BaseElement.class))) {
            checkDelegate(bpmnName, e, beanNames, problems);
        }
        return problems;
    }

    private static void checkForm(String file, String id, String formRef, String binding, boolean required,
            Set<String> formIds, List<String> problems) {
        if (formRef == null) {
            if (required) {
                problems.add(file + ": " + id + " has no camunda:formRef");
            }
            return;
        }
        if (!"deployment".equals(binding)) {
            problems.add(file + ": " + id + " uses formRefBinding=\"" + binding + "\" (must be \"deployment\")");
        }
        if (!formIds.contains(formRef)) {
            problems.add(file + ": " + id + " references form \"" + formRef + "\" that is not in forms/");
        }
    }

    private static void checkDelegate(String file, ModelElementInstance e, Set<String> beanNames, List<String> problems) {
        String value = e.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
        if (value == null) {
            return;
        }
        Matcher m = DELEGATE.matcher(value.trim());
        if (!m.matches()) {
            problems.add(file + ": delegateExpression " + value + " is not a plain ${beanName}");
        } else if (!beanNames.contains(m.group(1))) {
            problems.add(file + ": delegateExpression " + value + " names no bean");
        }
    }

    /**
     * @param dmnName file name for messages
     * @param model   the parsed DMN
     * @param xml     the file's text (the DMN model API does not expose DMNDI)
     * @return every violation
     */
    static List<String> checkDmn(String dmnName, DmnModelInstance model, String xml) {
        List<String> problems = new ArrayList<>();
        for (Decision d : model.getModelElementsByType(Decision.class)) {
            if (d.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(dmnName + ": decision " + d.getId() + " has no historyTimeToLive");
            }
            if (GENERATED_ID.matcher(d.getId()).matches()) {
                problems.add(dmnName + ": generated id " + d.getId());
            }
        }
        for (ModelElementInstance e : model.getModelElementsByType(
                model.getModel().getType(DmnElement.class))) {
            String id = e.getAttributeValue("id");
            if (id != null && GENERATED_ID.matcher(id).matches()) {
                problems.add(dmnName + ": generated id " + id);
            }
        }
        if (!xml.contains("DMNDiagram") || !xml.contains("DMNShape")) {
            problems.add(dmnName + ": no diagram (DMNDI)");
        }
        return problems;
    }

    /**
     * @param fileName the form's file name ({@code x.form}); its id must be {@code x}
     * @param form     the parsed schema
     * @return every violation
     */
    static List<String> checkForm(String fileName, JsonNode form) {
        List<String> problems = new ArrayList<>();
        String expectedId = fileName.replaceAll("\\.form$", "");
        if (!expectedId.equals(form.path("id").asText())) {
            problems.add(fileName + ": id \"" + form.path("id").asText() + "\" differs from the file name");
        }
        if (!form.path("components").isArray() || form.path("components").isEmpty()) {
            problems.add(fileName + ": no components");
        }
        walk(form.path("components"), c -> {
            String type = c.path("type").asText();
            if (UNSUPPORTED_FORM_COMPONENTS.contains(type)) {
                problems.add(fileName + ": component " + type + " is not supported by Tasklist's form-js 1.8");
            }
            if (c.has("key") && GENERATED_ID.matcher(c.path("key").asText()).matches()) {
                problems.add(fileName + ": generated key " + c.path("key").asText());
            }
        });
        return problems;
    }

    private static void walk(JsonNode components, Consumer<JsonNode> visit) {
        for (JsonNode c : components) {
            visit.accept(c);
            if (c.has("components")) {
                walk(c.path("components"), visit);
            }
        }
    }

    /** Reads every form in a folder. @return form id per file name */
    static Map<String, JsonNode> readForms(Path folder) throws IOException {
        Map<String, JsonNode> forms = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                forms.put(p.getFileName().toString(), JSON.readTree(p.toFile()));
            }
        }
        return forms;
    }

    /** @return the files with one of the suffixes in the folder, sorted */
    static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    static BpmnModelInstance bpmn(Path p) {
        return Bpmn.readModelFromFile(p.toFile());
    }

    static DmnModelInstance dmn(Path p) {
        return Dmn.readModelFromFile(p.toFile());
    }

    static Set<String> ids(Collection<JsonNode> forms) {
        Set<String> ids = new HashSet<>();
        forms.forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }
}
