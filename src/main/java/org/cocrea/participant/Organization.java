package org.cocrea.participant;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An organisation of the directory (civil society, academia, private or public sector). */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String type;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Organization() {
    }

    Organization(String name, OrganizationType type, Instant now) {
        this.name = name;
        this.type = type.code();
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** @return the type code, e.g. {@code academia} */
    public String getType() {
        return type;
    }
}
