package org.cocrea.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Deploying a model cannot grant more than deploying: every BPMN and DMN resource of every deployment (REST
 * {@code /engine-rest/deployment/create}, Cockpit, Camunda Modeler, the start-up folder deployment) is checked before
 * the engine parses it, and the whole deployment is refused when a model uses anything outside the allow-list. In
 * Camunda a model is code (its expressions run with the engine's full power), while process owners may only deploy.
 *
 * <p>Refused in BPMN: script tasks, {@code camunda:script} (listeners, input/output mappings), scripted conditions
 * ({@code language="..."}), Java classes ({@code camunda:class}, {@code camunda:*Class}), connectors (the same in Operaton's {@code operaton:} namespace), and every
 * expression {@link ExpressionAllowList} refuses, wherever it stands (attributes and texts alike: delegate
 * expressions, conditions, timers, assignment, due dates, input/output, listeners, multi-instance, called element,
 * business key...). CMMN is refused (Cocrea uses none). In DMN, every {@code expressionLanguage} must be FEEL (no
 * JUEL, Groovy, JavaScript...): FEEL cannot call Java.
 *
 * <p>A refusal is a {@link ParseException} whose message names the file, the element and the reason for each
 * problem; the REST API answers it with 400 and the same problems per resource, and each problem is logged.
 */
final class DeploymentAllowList implements Deployer {

    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI";
    /**
     * The engine's extension namespaces: Camunda's, the legacy Activiti one, which the engine still reads, and
     * Operaton's, which Operaton reads besides Camunda's (README, "Operaton build").
     */
    static final Set<String> ENGINE_NS = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn",
            "http://camunda.org/schema/1.0/dmn", "http://operaton.org/schema/1.0/bpmn",
            "http://operaton.org/schema/1.0/dmn");
    private static final Logger log = LoggerFactory.getLogger(DeploymentAllowList.class);

    private final ExpressionAllowList expressions;

    /** @param expressions the expression rules (knows the application's beans) */
    DeploymentAllowList(ExpressionAllowList expressions) {
        this.expressions = expressions;
    }

    /**
     * @param deployment a deployment about to be parsed
     * @throws ParseException naming file, element and reason when a resource uses anything outside the allow-list
     */
    @Override
    public void deploy(DeploymentEntity deployment) {
        for (ResourceEntity resource : deployment.getResources().values()) {
            List<Refusal> refusals = check(resource.getName(), resource.getBytes());
            if (!refusals.isEmpty()) {
                refusals.forEach(r -> log.warn("Refused model {}: element {}: {}", resource.getName(), r.elementId,
                        r.reason));
                StringBuilder message = new StringBuilder("Refused model " + resource.getName() + ":");
                refusals.forEach(r -> message.append(" element ").append(r.elementId).append(": ").append(r.reason)
                        .append(';'));
                message.append(" see the README (What process owners may write).");
                throw new ParseException(message.toString(), resource.getName(), List.copyOf(refusals), List.of());
            }
        }
    }

    /**
     * @param name  the resource name, e.g. {@code processes/proposal-review.bpmn}
     * @param bytes its content
     * @return every refusal, empty when allowed (resources that are neither BPMN, DMN nor CMMN are not checked)
     */
    List<Refusal> check(String name, byte[] bytes) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        boolean bpmn = lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml");
        boolean dmn = lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
        List<Refusal> out = new ArrayList<>();
        if (lower.endsWith(".cmmn") || lower.endsWith(".cmmn10.xml") || lower.endsWith(".cmmn11.xml")) {
            out.add(new Refusal("-", "CMMN models are not allowed"));
            return out;
        }
        if (!bpmn && !dmn) {
            return out;
        }
        Element root;
        try {
            root = parser().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (Exception e) {
            out.add(new Refusal("-", "not a well-formed model without DOCTYPE: " + e.getMessage()));
            return out;
        }
        if (bpmn) {
            bpmn(root, "-", out);
        } else {
            dmn(root, "-", out);
        }
        return out;
    }

    private void bpmn(Element e, String parentId, List<Refusal> out) {
        if (BPMNDI_NS.equals(e.getNamespaceURI())) {
            return; // diagram only
        }
        String id = e.hasAttribute("id") ? e.getAttribute("id") : parentId;
        String ns = e.getNamespaceURI();
        String local = e.getLocalName();
        boolean engine = ns != null && ENGINE_NS.contains(ns);
        if (BPMN_NS.equals(ns) && "scriptTask".equals(local)) {
            out.add(new Refusal(id, "script tasks are not allowed"));
        }
        if (engine && "script".equals(local)) {
            out.add(new Refusal(id, e.getTagName() + " is not allowed"));
        }
        if (engine && "connector".equals(local)) {
            out.add(new Refusal(id, "connectors are not allowed"));
        }
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String attrLocal = a.getLocalName() == null ? a.getName() : a.getLocalName();
            String attrNs = a.getNamespaceURI();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attrNs)) {
                continue;
            }
            boolean engineAttr = attrNs != null && ENGINE_NS.contains(attrNs);
            if (engineAttr && ("class".equals(attrLocal) || attrLocal.endsWith("Class"))) {
                out.add(new Refusal(id, "Java classes (" + a.getName() + "=\"" + a.getValue()
                        + "\") are not allowed; use a delegate bean: " + a.getPrefix()
                        + ":delegateExpression=\"${beanName}\""));
            } else if (engineAttr && ("scriptFormat".equals(attrLocal) || "resource".equals(attrLocal))) {
                out.add(new Refusal(id, "scripts (" + a.getName() + ") are not allowed"));
            } else if (attrNs == null && "language".equals(attrLocal) && !a.getValue().isBlank()) {
                out.add(new Refusal(id, "scripted expressions (language=\"" + a.getValue() + "\") are not allowed"));
            } else if (!(attrNs == null && ("id".equals(attrLocal) || "name".equals(attrLocal)))) {
                expression(id, a.getName(), a.getValue(), out);
            }
        }
        if (!(BPMN_NS.equals(ns) && ("documentation".equals(local) || "text".equals(local)))) {
            expression(id, local, ownText(e), out);
        }
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && !(BPMN_NS.equals(ns) && "documentation".equals(local))) {
                bpmn(element, id, out);
            }
        }
    }

    private void expression(String elementId, String where, String text, List<Refusal> out) {
        for (String reason : expressions.check(text)) {
            out.add(new Refusal(elementId, where + ": " + reason));
        }
    }

    private void dmn(Element e, String parentId, List<Refusal> out) {
        String id = e.hasAttribute("id") ? e.getAttribute("id") : parentId;
        String language = e.getAttribute("expressionLanguage");
        if (!language.isBlank() && !isFeel(language)) {
            out.add(new Refusal(id, "expressionLanguage=\"" + language + "\" is not allowed in DMN (only FEEL)"));
        }
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                dmn(element, id, out);
            }
        }
    }

    private static boolean isFeel(String language) {
        String l = language.trim().toLowerCase(Locale.ROOT);
        return l.equals("feel") || (l.contains("omg.org/spec/") && l.endsWith("/feel/"))
                || l.equals("http://www.omg.org/spec/feel/20140401");
    }

    private static String ownText(Element e) {
        StringBuilder text = new StringBuilder();
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString().trim();
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    /** One refused use: the id of the nearest element that has one ({@code -} for the file) and why. */
    record Refusal(String elementId, String reason) implements Problem {

        @Override
        public String getMessage() {
            return reason;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return elementId;
        }

        @Override
        public List<String> getElementIds() {
            return List.of(elementId);
        }
    }

    /**
     * Registers the allow-list as the first deployer of the engine, with the application's beans: any bean is what
     * the engine's expression resolver would find; delegate beans are those implementing {@link JavaDelegate},
     * {@link ExecutionListener} or {@link TaskListener}.
     */
    @Component
    static class Plugin extends AbstractProcessEnginePlugin {

        private final ListableBeanFactory beans;
        private final DeploymentAllowList allowList;
        private volatile Set<String> delegates;

        Plugin(ListableBeanFactory beans) {
            this.beans = beans;
            this.allowList = new DeploymentAllowList(new ExpressionAllowList(beans::containsBean, isDelegate()));
        }

        /** @return the allow-list the engine uses */
        DeploymentAllowList allowList() {
            return allowList;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            List<Deployer> pre = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                    : new ArrayList<>(configuration.getCustomPreDeployers());
            pre.add(0, allowList);
            configuration.setCustomPreDeployers(pre);
        }

        private Predicate<String> isDelegate() {
            return name -> {
                Set<String> known = delegates;
                if (known == null) {
                    Set<String> found = new HashSet<>();
                    for (Class<?> type : List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class)) {
                        found.addAll(List.of(beans.getBeanNamesForType(type, true, false)));
                    }
                    known = Set.copyOf(found);
                    delegates = known;
                }
                return known.contains(name);
            };
        }
    }
}
