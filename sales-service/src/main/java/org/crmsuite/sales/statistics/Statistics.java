package org.crmsuite.sales.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.bson.Document;
import org.crmsuite.sales.registration.Registration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * SA-10: visitors, calls, deposits, contracts and conversion per rep and per project for a day, week or month, counted
 * by MongoDB aggregation (group and count on the indexed office/date fields; nothing is loaded to be counted here).
 * Visitors are receptions (each registered once, SA-4); calls are call-register entries; deposits are deals taken in
 * the period; contracts are contracts signed in it; conversion is deposits (and contracts) per visitor.
 */
@Service
public class Statistics {

    private final MongoTemplate mongo;

    Statistics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record Row(String key, long visitors, long calls, long deposits, long contracts, BigDecimal depositConversionPercent,
            BigDecimal contractConversionPercent) {
    }

    public record Report(Period period, LocalDate from, LocalDate to, List<String> officeIds, List<Row> perRep,
            List<Row> perProject, Row total) {
    }

    private static final class Counter {
        long visitors;
        long calls;
        long deposits;
        long contracts;
    }

    public Report report(Period period, LocalDate date, Collection<String> officeIds, String onlyRep) {
        LocalDate from = period.from(date);
        LocalDate to = period.to(date);
        Map<String, Counter> perRep = new TreeMap<>();
        Map<String, Counter> perProject = new TreeMap<>();
        Counter total = new Counter();

        Criteria registered = scope(officeIds, onlyRep, "date", from, to).and("origin")
                .in(Registration.Origin.RECEPTION.name(), Registration.Origin.REFUSAL.name(), Registration.Origin.CALL.name());
        for (Document row : group("registrations", registered, "repId", "projectId", "kind")) {
            Document id = row.get("_id", Document.class);
            long n = ((Number) row.get("count")).longValue();
            boolean visit = Registration.Kind.VISIT.name().equals(id.getString("kind"));
            for (Counter c : List.of(counter(perRep, id.getString("repId")), counter(perProject, id.getString("projectId")),
                    total)) {
                if (visit) {
                    c.visitors += n;
                } else {
                    c.calls += n;
                }
            }
        }
        for (Document row : group("deposits", scope(officeIds, onlyRep, "takenOn", from, to), "repId", "projectId")) {
            Document id = row.get("_id", Document.class);
            long n = ((Number) row.get("count")).longValue();
            counter(perRep, id.getString("repId")).deposits += n;
            counter(perProject, id.getString("projectId")).deposits += n;
            total.deposits += n;
        }
        for (Document row : group("deposits", scope(officeIds, onlyRep, "contractedOn", from, to), "repId", "projectId")) {
            Document id = row.get("_id", Document.class);
            long n = ((Number) row.get("count")).longValue();
            counter(perRep, id.getString("repId")).contracts += n;
            counter(perProject, id.getString("projectId")).contracts += n;
            total.contracts += n;
        }
        Function<Map.Entry<String, Counter>, Row> toRow = e -> row(e.getKey(), e.getValue());
        return new Report(period, from, to, List.copyOf(officeIds), perRep.entrySet().stream().map(toRow).toList(),
                perProject.entrySet().stream().map(toRow).toList(), row("total", total));
    }

    private static Criteria scope(Collection<String> officeIds, String onlyRep, String dateField, LocalDate from,
            LocalDate to) {
        Criteria c = Criteria.where("officeId").in(officeIds).and(dateField).gte(from.toString()).lte(to.toString());
        return onlyRep == null ? c : c.and("repId").is(onlyRep);
    }

    private List<Document> group(String collection, Criteria match, String... fields) {
        Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(match),
                Aggregation.group(fields).count().as("count"));
        List<Document> rows = new ArrayList<>();
        for (Document d : mongo.aggregate(aggregation, collection, Document.class).getMappedResults()) {
            Object id = d.get("_id");
            if (!(id instanceof Document)) {
                // a single grouping field comes back flat: normalise to {_id: {field: value}}
                d.put("_id", new Document(fields[0], id));
            }
            rows.add(d);
        }
        return rows;
    }

    private static Counter counter(Map<String, Counter> map, String key) {
        return map.computeIfAbsent(key == null ? "unknown" : key, k -> new Counter());
    }

    private static Row row(String key, Counter c) {
        return new Row(key, c.visitors, c.calls, c.deposits, c.contracts, percent(c.deposits, c.visitors),
                percent(c.contracts, c.visitors));
    }

    private static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
