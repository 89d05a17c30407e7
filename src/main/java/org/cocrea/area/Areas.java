package org.cocrea.area;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The government areas known to Cocrea: lookup by id or candidate group, and the start-up load from CSV.
 */
@Service
public class Areas {

    private static final Logger log = LoggerFactory.getLogger(Areas.class);

    private final AreaRepository repository;
    private final ResourceLoader resourceLoader;
    private final AreaProperties properties;

    Areas(AreaRepository repository, ResourceLoader resourceLoader, AreaProperties properties) {
        this.repository = repository;
        this.resourceLoader = resourceLoader;
        this.properties = properties;
    }

    /** @return every area, ordered by id */
    @Transactional(readOnly = true)
    public List<Area> all() {
        return repository.findAll().stream().sorted((a, b) -> a.getId().compareTo(b.getId())).toList();
    }

    /**
     * @param candidateGroup a Camunda group id such as {@code area-ambiente}
     * @return the area whose staff form that group, if any
     */
    @Transactional(readOnly = true)
    public Optional<Area> byCandidateGroup(String candidateGroup) {
        return candidateGroup == null ? Optional.empty() : repository.findByCandidateGroup(candidateGroup);
    }

    /**
     * Inserts or updates the areas listed in the configured CSV file. Idempotent.
     *
     * @return the areas after the load
     * @throws IllegalStateException naming the file and line when the file is missing or a row is malformed
     */
    @Transactional
    public List<Area> loadReferenceFile() {
        Resource resource = resourceLoader.getResource(properties.file());
        List<Area> loaded = new ArrayList<>();
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
            for (CSVRecord row : format.parse(reader)) {
                String id = row.get("area_id");
                String group = row.get("candidate_group");
                if (id.isBlank() || group.isBlank()) {
                    throw new IllegalStateException(properties.file() + " line " + (row.getRecordNumber() + 1)
                            + ": area_id and candidate_group are required");
                }
                List<String> axes = Arrays.asList(row.get("axes").split("[;|]"));
                Area area = repository.findById(id).orElse(null);
                if (area == null) {
                    area = new Area(id, row.get("name_es"), row.get("name_en"), group, axes);
                } else {
                    area.update(row.get("name_es"), row.get("name_en"), group, axes);
                }
                loaded.add(repository.save(area));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the areas file " + properties.file() + ": " + e.getMessage(), e);
        }
        log.info("Loaded {} government areas from {}", loaded.size(), properties.file());
        return loaded;
    }
}
