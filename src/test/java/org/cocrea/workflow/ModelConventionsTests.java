package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * Reads every file in {@code processes/} and {@code forms/} and fails on any breach of the modelling conventions
 * ({@link ModelConventions}); a second group of tests feeds the checks deliberately broken models, so the checks
 * themselves are known to catch what they claim to.
 */
class ModelConventionsTests {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");
    static Set<String> beanNames;
    static Map<String, JsonNode> forms;

    @BeforeAll
    static void scan() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        beanNames = new HashSet<>();
        for (BeanDefinition d : scanner.findCandidateComponents("org.cocrea")) {
            beanNames.add(names.generateBeanName(d, registry));
            // @Bean methods of @Configuration classes are beans named after the method.
            for (Method m : Class.forName(d.getBeanClassName()).getDeclaredMethods()) {
                if (m.isAnnotationPresent(Bean.class)) {
                    beanNames.add(m.getName());
                }
            }
        }
        forms = ModelConventions.readForms(FORMS);
    }

    @Test
    void everyProcessFollowsTheConventions() throws Exception {
        List<Path> files = ModelConventions.files(PROCESSES, ".bpmn");
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("proposal-review.bpmn", "call-for-proposals.bpmn");
        List<String> problems = new ArrayList<>();
        for (Path p : files) {
            problems.addAll(ModelConventions.checkBpmn("processes/" + p.getFileName(), ModelConventions.bpmn(p),
                    ModelConventions.ids(forms.values()), beanNames));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDecisionFollowsTheConventions() throws Exception {
        List<Path> files = ModelConventions.files(PROCESSES, ".dmn");
        assertThat(files).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path p : files) {
            problems.addAll(ModelConventions.checkDmn("processes/" + p.getFileName(), ModelConventions.dmn(p),
                    Files.readString(p)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFormFollowsTheConventions() {
        assertThat(forms).isNotEmpty();
        List<String> problems = new ArrayList<>();
        forms.forEach((file, form) -> problems.addAll(ModelConventions.checkForm(file, form)));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFormIsUsedByAModel() throws Exception {
        Set<String> referenced = new HashSet<>();
        for (Path p : ModelConventions.files(PROCESSES, ".bpmn")) {
            String xml = Files.readString(p);
            Matcher m = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(xml);
            while (m.find()) {
                referenced.add(m.group(1));
            }
        }
        assertThat(referenced).containsExactlyInAnyOrderElementsOf(ModelConventions.ids(forms.values()));
    }

    @Test
    void checksCatchABrokenModel() {
        String broken = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="x">
                  <bpmn:process id="broken" isExecutable="true">
                    <bpmn:startEvent id="StartEvent_1" name="Start" />
                    <bpmn:userTask id="Activity_0ph2gjd" name="Review" camunda:formRef="feasibility-review"
                        camunda:formRefBinding="latest" />
                    <bpmn:userTask id="Task_Unknown" name="Other" camunda:candidateGroups="og-team"
                        camunda:formRef="no-such-form" camunda:formRefBinding="deployment" />
                    <bpmn:serviceTask id="Task_Ghost" name="Ghost" camunda:delegateExpression="${noSuchBean}" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        List<String> problems = ModelConventions.checkBpmn("processes/broken.bpmn",
                Bpmn.readModelFromStream(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))),
                ModelConventions.ids(forms.values()), beanNames);
        assertThat(String.join("\n", problems))
                .contains("generated id Activity_0ph2gjd")
                .contains("no historyTimeToLive")
                .contains("has no diagram shape")
                .contains("formRefBinding=\"latest\"")
                .contains("\"no-such-form\" that is not in forms/")
                .contains("${noSuchBean} names no bean")
                .contains("Activity_0ph2gjd has no candidate group");
    }

    @Test
    void checksCatchABrokenForm() throws Exception {
        JsonNode form = new ObjectMapper().readTree("""
                {"id": "other-id", "components": [{"type": "filepicker", "key": "Field_0abc123"}]}
                """);
        assertThat(String.join("\n", ModelConventions.checkForm("evidence.form", form)))
                .contains("differs from the file name").contains("filepicker").contains("generated key");
    }
}
