package org.cocrea.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Writes the accepted reports as an Atom 1.0 feed (ROME); links are absolute, on {@code cocrea.public-base-url}. */
@Component
class DashboardFeed {

    private final MessageSource messages;
    private final String baseUrl;

    DashboardFeed(MessageSource messages, @Value("${cocrea.public-base-url}") String baseUrl) {
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * @param entries accepted reports, newest first
     * @param locale  language of titles and summaries
     * @return the Atom document
     * @throws IllegalStateException if ROME cannot write it
     */
    String atom(List<FeedEntry> entries, Locale locale) {
        String language = locale.getLanguage();
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(text("dashboard.feed.title", locale));
        feed.setDescription(text("dashboard.feed.subtitle", locale));
        feed.setUri(baseUrl + "/dashboard/feed");
        feed.setLink(baseUrl + "/dashboard");
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setType("application/atom+xml");
        self.setHref(baseUrl + "/dashboard/feed" + ("en".equals(language) ? "?lang=en" : ""));
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(baseUrl + "/dashboard");
        feed.setLinks(List.of(alternate, self));
        feed.setLanguage(language);
        feed.setAuthor(text("dashboard.feed.author", locale));
        feed.setPublishedDate(entries.isEmpty() ? new Date(0) : Date.from(entries.get(0).acceptedAt().toInstant()));
        List<SyndEntry> out = new ArrayList<>();
        for (FeedEntry e : entries) {
            SyndEntry entry = new SyndEntryImpl();
            String link = baseUrl + "/dashboard/" + e.code() + "#report-" + e.reportId();
            entry.setUri(link);
            entry.setLink(link);
            entry.setTitle(messages.getMessage("dashboard.feed.entryTitle",
                    new Object[] {e.code(), e.title(language), month.format(e.period())}, locale));
            entry.setPublishedDate(Date.from(e.acceptedAt().toInstant()));
            entry.setUpdatedDate(Date.from(e.acceptedAt().toInstant()));
            StringBuilder summary = new StringBuilder();
            for (ReportSummary.MilestoneUpdate m : e.milestones()) {
                summary.append(messages.getMessage("dashboard.feed.milestone", new Object[] {m.position(),
                        m.titles().in(language).text(), text("dashboard.status." + m.status().name(), locale), m.percentComplete()}, locale));
                summary.append('\n');
            }
            SyndContent content = new SyndContentImpl();
            content.setType("text/plain");
            content.setValue(summary.toString().strip());
            entry.setDescription(content);
            out.add(entry);
        }
        feed.setEntries(out);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the dashboard's Atom feed", e);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
