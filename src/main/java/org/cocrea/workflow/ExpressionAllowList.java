package org.cocrea.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Decides whether one JUEL expression of a model (e.g. {@code ${workingDays.before(reviewDueDate, 2)}}) stays within
 * what a process owner may write. The expression is parsed with the JUEL tree builder the engine itself uses, and
 * every identifier, property access, method call and function of the tree is checked:
 * <ul>
 * <li>an identifier that names a Spring bean must be a delegate bean used as the whole expression
 * ({@code ${sendResponse}}) or a helper bean followed by one of its allowed members ({@link #HELPERS});</li>
 * <li>{@code execution} and {@code task} may only be followed by the members in {@link #CONTEXT_MEMBERS} (variables,
 * ids, business key...), never alone nor with {@code getProcessEngineServices()} / {@code getProcessEngine()}, except
 * as a whole argument of an allowed method of a rule helper ({@link #CONTEXT_HELPERS});</li>
 * <li>any other identifier is a process variable: its properties may be read ({@code ${proposal.title}}), except
 * those in {@link #FORBIDDEN_PROPERTIES} ({@code class}, {@code processEngine}...), but no method may be called on
 * it (a method call on a value is how JUEL reaches reflection);</li>
 * <li>functions are limited to {@link #FUNCTIONS} ({@code now()}, {@code dateTime()}, {@code currentUser()},
 * {@code currentUserGroups()}).</li>
 * </ul>
 * Text without <code>${</code> or <code>#{</code> is a literal and always allowed.
 */
final class ExpressionAllowList {

    /** Beans and context objects the JUEL resolver of the engine answers to; never allowed alone. */
    static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution");
    /**
     * Context objects a model may pass whole as an argument to an allowed method of the helpers in
     * {@link #CONTEXT_HELPERS} ({@code ${proposalReview.hasArea(execution)}}).
     */
    static final Set<String> CONTEXT_ARGUMENTS = Set.of("execution", "task");
    /** Helpers whose methods are written to take the execution (rule beans of a process); other helpers never do. */
    static final Set<String> CONTEXT_HELPERS = Set.of("proposalReview");
    /** Members of {@code execution} / {@code task} a model may use (methods and their property form). */
    static final Set<String> CONTEXT_MEMBERS;
    /** Helper beans and the members (methods or properties) a model may use on them. */
    static final Map<String, Set<String>> HELPERS = Map.of(
            "workingDays", Set.of("after", "before", "isWorkingDay"),
            "schedule", Set.of("before"),
            "followUpSchedule", Set.of("cron", "getCron"),
            "proposalReview", Set.of("hasArea", "setReviewDueDate"));
    /** Functions the engine registers that a model may call. */
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
    /** Property names refused on any value: they lead to reflection or to the engine. */
    static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
            "processEngine", "processEngineServices", "processEngineConfiguration", "applicationContext",
            "beanFactory", "runtime");

    static {
        Set<String> members = new TreeSet<>(List.of("getVariable", "getVariableLocal", "hasVariable",
                "hasVariableLocal", "setVariable", "setVariableLocal"));
        for (String property : List.of("id", "processInstanceId", "processBusinessKey", "businessKey",
                "processDefinitionId", "activityInstanceId", "currentActivityId", "currentActivityName", "eventName",
                "tenantId", "name", "assignee", "owner", "description", "taskDefinitionKey", "executionId", "dueDate",
                "followUpDate", "priority", "createTime")) {
            members.add(property);
            members.add("get" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
        }
        CONTEXT_MEMBERS = Set.copyOf(members);
    }

    private final Predicate<String> isBean;
    private final Predicate<String> isDelegateBean;

    /**
     * @param isBean         whether a name is a bean of the application (what the engine's resolver would find)
     * @param isDelegateBean whether a bean is a delegate or listener that models may name as the whole expression
     */
    ExpressionAllowList(Predicate<String> isBean, Predicate<String> isDelegateBean) {
        this.isBean = isBean;
        this.isDelegateBean = isDelegateBean;
    }

    /** @return whether the text holds an expression at all (otherwise the engine takes it literally) */
    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /**
     * @param text an attribute value or element text of a model
     * @return every reason the expression is refused (English, naming the offending part); empty when allowed
     */
    List<String> check(String text) {
        List<String> problems = new ArrayList<>();
        if (!isExpression(text)) {
            return problems;
        }
        Tree tree;
        try {
            tree = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text);
        } catch (TreeBuilderException e) {
            problems.add("'" + text + "' is not a valid expression: " + e.getMessage());
            return problems;
        }
        AstNode root = (AstNode) tree.getRoot();
        boolean whole = root instanceof AstEval && root.getChild(0) instanceof AstIdentifier;
        walk(root, whole, problems);
        return problems;
    }

    private void walk(AstNode node, boolean whole, List<String> problems) {
        if (node instanceof AstIdentifier id) {
            identifier(id.getName(), whole, problems);
        } else if (node instanceof AstMethod method) {
            AstProperty target = (AstProperty) method.getChild(0);
            member(target, true, problems);
            boolean helperCall = target.getChild(0) instanceof AstIdentifier owner
                    && CONTEXT_HELPERS.contains(owner.getName()) && isBean.test(owner.getName());
            AstNode arguments = (AstNode) method.getChild(1);
            for (int i = 0; i < arguments.getCardinality(); i++) {
                AstNode argument = (AstNode) arguments.getChild(i);
                if (!(helperCall && argument instanceof AstIdentifier a && CONTEXT_ARGUMENTS.contains(a.getName()))) {
                    walk(argument, false, problems);
                }
            }
        } else if (node instanceof AstProperty property) {
            member(property, false, problems);
        } else if (node instanceof AstFunction function) {
            if (!FUNCTIONS.contains(function.getName())) {
                problems.add("function " + function.getName() + "() is not allowed (allowed: " + sorted(FUNCTIONS)
                        + ")");
            }
            children(function, problems);
        } else if (node instanceof AstEval eval) {
            walk((AstNode) eval.getChild(0), whole, problems);
        } else {
            children(node, problems);
        }
    }

    private void children(AstNode node, List<String> problems) {
        for (int i = 0; i < node.getCardinality(); i++) {
            walk((AstNode) node.getChild(i), false, problems);
        }
    }

    private void identifier(String name, boolean whole, List<String> problems) {
        if (CONTEXT_OBJECTS.contains(name)) {
            problems.add(name + " may only be used as " + name + ".<member> with an allowed member");
        } else if (isBean.test(name)) {
            if (HELPERS.containsKey(name)) {
                problems.add("helper " + name + " must be followed by one of " + sorted(HELPERS.get(name)));
            } else if (!(whole && isDelegateBean.test(name))) {
                problems.add("bean " + name + " is not on the allow-list"
                        + (isDelegateBean.test(name) ? " here (a delegate is named alone: ${" + name + "})" : ""));
            }
        }
    }

    private void member(AstProperty property, boolean call, List<String> problems) {
        AstNode base = property.getChild(0);
        String name = memberName(property);
        String shown = (name == null ? "[...]" : "." + name) + (call ? "()" : "");
        if (base instanceof AstIdentifier id && (CONTEXT_OBJECTS.contains(id.getName()) || isBean.test(id.getName()))) {
            String owner = id.getName();
            Set<String> allowed = CONTEXT_OBJECTS.contains(owner) ? CONTEXT_MEMBERS : HELPERS.get(owner);
            if (allowed == null) {
                problems.add("bean " + owner + " is not on the allow-list");
            } else if (name == null || !allowed.contains(name)) {
                problems.add(owner + shown + " is not allowed (allowed: " + sorted(allowed) + ")");
            }
        } else {
            if (call) {
                problems.add("method call " + shown + " on a value is not allowed: methods may only be called on "
                        + sorted(HELPERS.keySet()) + ", execution and task");
            }
            if (name != null && (FORBIDDEN_PROPERTIES.contains(name) || name.endsWith("Service"))) {
                problems.add("member " + name + " is not allowed on any value");
            }
            walk(base, false, problems);
        }
        if (property instanceof AstBracket) {
            walk((AstNode) property.getChild(1), false, problems);
        }
    }

    /** @return the member name of {@code a.b} or {@code a['b']}, null for a computed {@code a[x]} */
    private static String memberName(AstProperty property) {
        if (property instanceof AstDot dot) {
            return dot.toString().substring(2); // AstDot prints ". name"
        }
        AstNode index = property.getChild(1);
        if (index instanceof AstString literal) {
            String quoted = literal.toString();
            return quoted.substring(1, quoted.length() - 1);
        }
        return null;
    }

    private static String sorted(Set<String> names) {
        return String.join(", ", new TreeSet<>(names));
    }
}
