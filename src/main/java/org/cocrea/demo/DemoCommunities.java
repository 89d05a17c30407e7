package org.cocrea.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.cocrea.CocreaApplication;
import org.cocrea.community.Communities;
import org.cocrea.community.Community;
import org.cocrea.community.CommunityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first demo start (no community yet): the community of practice the seed plan's commenter asked to join
 * ("forums about data reuse and generating communities"), "Reutilización de datos abiertos", with a workshop held a
 * month ago (summary and a link to the City's open-data portal, BA Data) and the next one scheduled at the first date
 * the Stage 2 scheduling service accepts, open for registration. Later starts change nothing.
 */
@Component
@Order(35)
@ConditionalOnProperty(name = "cocrea.demo.enabled", havingValue = "true")
class DemoCommunities implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCommunities.class);
    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private final Communities communities;
    private final Clock clock;

    DemoCommunities(Communities communities, Clock clock) {
        this.communities = communities;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!communities.all().isEmpty()) {
            return;
        }
        Community community = communities.create(new Communities.CommunityInput("datos-abiertos",
                "Reutilización de datos abiertos", "Open data reuse",
                "Un espacio para quienes usan los datos abiertos de la Ciudad (BA Data): periodistas, desarrolladoras,"
                        + " investigadores y organizaciones comparten lo que hacen con los datos, piden nuevos"
                        + " conjuntos y trabajan con las áreas que los publican.",
                "A space for people who use the City's open data (BA Data): journalists, developers, researchers and"
                        + " organisations share what they do with the data, ask for new datasets and work with the"
                        + " areas that publish them."), "demo");
        LocalDateTime monthAgo = LocalDateTime.now(clock.withZone(ZONE)).minusDays(30)
                .truncatedTo(ChronoUnit.DAYS).withHour(18);
        while (monthAgo.getDayOfWeek() == DayOfWeek.SATURDAY || monthAgo.getDayOfWeek() == DayOfWeek.SUNDAY) {
            monthAgo = monthAgo.minusDays(1);
        }
        CommunityEvent held = communities.recordHeld(community.getSlug(), new Communities.EventInput(
                "Encuentro: qué hacemos con los datos de movilidad", "", monthAgo.toString(), 120,
                "https://meet.example.org/datos-abiertos", null),
                "Se presentaron tres reutilizaciones de los datos de bicicletas públicas y de tránsito; se pidió"
                        + " publicar la serie histórica de estaciones con frecuencia diaria.", 27, "demo");
        communities.addMaterial(community.getSlug(), held.getId(), "BA Data: portal de datos abiertos de la Ciudad",
                "https://data.buenosaires.gob.ar/", "demo");
        communities.schedule(community.getSlug(), new Communities.EventInput(
                "Taller: datos abiertos para el seguimiento del plan de acción",
                "Cómo usar los datos del tablero público de seguimiento de compromisos.",
                communities.proposeStart(community).toString(), 120, "https://meet.example.org/datos-abiertos", 40),
                "demo");
        log.info("Demo data: community /communities/{} with a held event and an upcoming one", community.getSlug());
    }
}
