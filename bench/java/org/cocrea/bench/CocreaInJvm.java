package org.cocrea.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.cocrea.CocreaApplication;
import org.cocrea.area.Area;
import org.cocrea.area.Areas;
import org.cocrea.kernel.Groups;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real Cocrea application in the benchmark's JVM: {@link CocreaApplication} with the {@code postgres} profile
 * (no demo data, job executor and scheduled jobs on, as in production), on a random port, deploying the working
 * directory's {@code processes/} and {@code forms/}. Only these settings differ from production: the database URL, the
 * per-client proposal limit (every request comes from 127.0.0.1; 20 an hour would refuse the peak day), the pool's
 * minimum idle connections (1: opened as needed, as the benchmark's PostgreSQL may be shared; still at most 20) and
 * the log level. The test classpath's {@code org.cocrea.support} beans (the tests' fixtures and statement counter) are left
 * out; the benchmark's own statement counter ({@link Bench#counted}) wraps the {@code dataSource}, which the engine
 * uses too.
 */
final class CocreaInJvm implements AutoCloseable {

    /** Password of the users {@link #createUsers()} makes. */
    static final String PASSWORD = "bench";

    private final ConfigurableApplicationContext context;

    private CocreaInJvm(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the application on the database (already created, possibly empty).
     *
     * @param database the scratch database
     * @param extra    further command-line properties ({@code --name=value}), after the benchmark's own
     */
    static CocreaInJvm start(String database, String... extra) {
        CocreaApplication.useBuenosAiresDefaults();
        SpringApplication app = new SpringApplication(CocreaApplication.class);
        app.setAdditionalProfiles("postgres");
        app.addInitializers(ctx -> ctx.addBeanFactoryPostProcessor(factory -> {
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
            for (String name : factory.getBeanDefinitionNames()) {
                String type = factory.getBeanDefinition(name).getBeanClassName();
                if (type != null && type.startsWith("org.cocrea.support.")) {
                    registry.removeBeanDefinition(name);
                }
            }
            factory.addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return "dataSource".equals(beanName) && bean instanceof DataSource ds ? Bench.counted(ds) : bean;
                }
            });
        }));
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + Bench.url(database),
                "--spring.datasource.username=" + Bench.dbUser(), "--spring.datasource.password=" + Bench.dbPassword(),
                "--server.port=0", "--spring.datasource.hikari.minimum-idle=1", "--cocrea.limits.client.proposal.requests=100000000",
                "--logging.level.root=WARN", "--logging.level.org.cocrea=WARN", "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(extra));
        ConfigurableApplicationContext context = app.run(arguments.toArray(String[]::new));
        return new CocreaInJvm(context);
    }

    /** @return the bean of that type */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** @return the bean of that name */
    Object bean(String name) {
        return context.getBean(name);
    }

    /** @return the HTTP port */
    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * The users of the README's tours, password {@link #PASSWORD}: {@code equipo} (og-team) and one user per area named
     * after the area id (e.g. {@code ambiente} in {@code area-ambiente}).
     *
     * @return area group → its user
     */
    Map<String, String> createUsers() {
        IdentityService identity = bean(IdentityService.class);
        user(identity, "equipo", Groups.OPEN_GOVERNMENT_TEAM);
        Map<String, String> byGroup = new LinkedHashMap<>();
        for (Area a : bean(Areas.class).all()) {
            user(identity, a.getId(), a.getCandidateGroup());
            byGroup.put(a.getCandidateGroup(), a.getId());
        }
        return byGroup;
    }

    /** @return the axes of the areas ({@code areas.csv}), each with its area's group */
    List<String[]> axesWithGroups() {
        List<String[]> out = new ArrayList<>();
        for (Area a : bean(Areas.class).all()) {
            for (String axis : a.getAxes()) {
                out.add(new String[] {axis, a.getCandidateGroup()});
            }
        }
        return out;
    }

    private static void user(IdentityService identity, String id, String group) {
        if (identity.createUserQuery().userId(id).singleResult() == null) {
            User u = identity.newUser(id);
            u.setFirstName("Bench");
            u.setLastName(id);
            u.setEmail(id + "@bench.cocrea.local");
            u.setPassword(PASSWORD);
            identity.saveUser(u);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).singleResult() == null) {
            identity.createMembership(id, group);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
