package org.cocrea.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The cold-start baseline: Camunda 7's Spring Boot starters and nothing else (bench/README.md, ColdStartBench). */
@SpringBootApplication
public class BareStarterApplication {

    /** @param args Spring Boot arguments */
    public static void main(String[] args) {
        SpringApplication.run(BareStarterApplication.class, args);
    }
}
