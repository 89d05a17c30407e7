package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.cocrea.proposal.SubmitterType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The routing table {@code processes/proposal-routing.dmn} agrees with the government areas the application loads
 * ({@code classpath:reference/areas.csv}, the default of {@code cocrea.areas.file} and a copy of
 * {@code shared/data/areas.csv}): every axis listed there goes to its area's candidate group whatever the submitter
 * type, the table has no rule for an axis the file does not list, and an unknown axis matches nothing (the process
 * then sends the proposal to triage).
 */
@Deployment(resources = "processes/proposal-routing.dmn")
class ProposalRoutingDecisionTests {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().configurationResource("process-tests.cfg.xml").build();

    private static final String AREAS_FILE = "reference/areas.csv";

    /** @return one (axis, candidate group) pair per axis listed in the areas file */
    static Stream<Arguments> axesOfEachArea() {
        return readAreas().stream().flatMap(row -> axes(row).stream()
                .map(axis -> Arguments.of(axis, row.get("candidate_group"))));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("axesOfEachArea")
    void axisIsRoutedToItsAreaWhateverTheSubmitter(String axis, String candidateGroup) {
        List<String> submitterTypes = new ArrayList<>(
                Arrays.stream(SubmitterType.values()).map(SubmitterType::code).toList());
        submitterTypes.add(null);

        for (String submitterType : submitterTypes) {
            DmnDecisionTableResult result = route(axis, submitterType);

            assertThat(result).as("rules matched for %s / %s", axis, submitterType).hasSize(1);
            assertThat((String) result.getSingleEntry()).as("areaGroup for %s / %s", axis, submitterType)
                    .isEqualTo(candidateGroup);
        }
    }

    @ParameterizedTest(name = "axis \"{0}\" matches no rule")
    @ValueSource(strings = "no-such-axis")
    @NullAndEmptySource
    void unknownAxisMatchesNoRule(String axis) {
        DmnDecisionTableResult result = route(axis, SubmitterType.ACADEMIA.code());

        assertThat(result).isEmpty();
        // what the business rule task's singleEntry mapping stores in areaGroup
        assertThat((Object) result.getSingleEntry()).isNull();
    }

    @Test
    void everyRuleIsForAnAxisOfTheAreasFile() {
        RepositoryService repositoryService = extension.getRepositoryService();
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ProposalReviewProcess.ROUTING_DECISION).singleResult();
        Collection<Rule> rules = repositoryService.getDmnModelInstance(definition.getId())
                .getModelElementsByType(Rule.class);
        List<String> ruleAxes = rules.stream()
                .map(rule -> rule.getInputEntries().iterator().next())
                .map(InputEntry::getTextContent)
                .map(text -> text.trim().replace("\"", ""))
                .toList();
        List<String> fileAxes = readAreas().stream().flatMap(row -> axes(row).stream()).toList();

        assertThat(ruleAxes).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(fileAxes);
    }

    private static DmnDecisionTableResult route(String axis, String submitterType) {
        DecisionService decisionService = extension.getDecisionService();
        return decisionService.evaluateDecisionTableByKey(ProposalReviewProcess.ROUTING_DECISION,
                Variables.createVariables()
                        .putValue(ProposalReviewProcess.AXIS, axis)
                        .putValue(ProposalReviewProcess.SUBMITTER_TYPE, submitterType));
    }

    /** Reads the areas file the way {@code Areas.loadReferenceFile()} does. */
    private static List<CSVRecord> readAreas() {
        InputStream in = ProposalRoutingDecisionTests.class.getClassLoader().getResourceAsStream(AREAS_FILE);
        assertThat(in).as(AREAS_FILE + " on the classpath").isNotNull();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
            List<CSVRecord> rows = format.parse(reader).getRecords();
            assertThat(rows).as("areas in " + AREAS_FILE).isNotEmpty();
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + AREAS_FILE, e);
        }
    }

    private static List<String> axes(CSVRecord row) {
        return Arrays.stream(row.get("axes").split("[;|]")).map(String::trim).filter(a -> !a.isEmpty()).toList();
    }
}
