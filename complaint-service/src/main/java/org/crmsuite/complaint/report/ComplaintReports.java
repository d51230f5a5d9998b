package org.crmsuite.complaint.report;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.limit;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.unwind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.crmsuite.complaint.cases.Complaint;
import org.crmsuite.complaint.cases.DeadlineKind;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * CO-9 summaries by MongoDB aggregation — one {@code $match} on the indexed received time (and department), then a
 * {@code $facet} per figure — so the database counts and no case is loaded into the service. All figures are over
 * the complaints received in the period.
 */
@Service
public class ComplaintReports {

    static final int TOP_CAUSES = 10;

    private final MongoTemplate mongo;

    ComplaintReports(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @param departmentId null for every department */
    public Summary summarise(Instant from, Instant to, String departmentId) {
        Aggregation aggregation = pipeline(from, to, departmentId);
        Document result = mongo.aggregate(aggregation, Complaint.COLLECTION, Document.class).getUniqueMappedResult();
        return toSummary(result == null ? new Document() : result);
    }

    /** The pipeline, exposed for the benchmark's {@code explain}. */
    static Aggregation pipeline(Instant from, Instant to, String departmentId) {
        Criteria received = departmentId == null
                ? Criteria.where("receivedAt").gte(from).lt(to)
                : Criteria.where("departmentId").is(departmentId).and("receivedAt").gte(from).lt(to);
        return Aggregation.newAggregation(
                match(received),
                Aggregation.facet(group("open").count().as("count")).as("open")
                        .and(group("category").count().as("count")).as("byCategory")
                        .and(group("level").count().as("count")).as("byLevel")
                        .and(group("channel").count().as("count")).as("byChannel")
                        .and(group("handlerId").count().as("count")).as("byHandler")
                        .and(unwind("deadlines"), match(Criteria.where("deadlines.outcome").in("ON_TIME", "LATE")),
                                group("deadlines.kind", "deadlines.outcome").count().as("count"))
                        .as("deadlines")
                        .and(unwind("deadlines"), match(Criteria.where("deadlines.breached").is(true)),
                                group("deadlines.breachHandlerId").count().as("count"))
                        .as("breachesByHandler")
                        .and(match(Criteria.where("rating").ne(null)),
                                group("rating.score", "rating.customerUnreachable").count().as("count"))
                        .as("ratings")
                        .and(match(Criteria.where("causeKey").ne(null)), group("causeKey").count().as("count")
                                .first("cause").as("cause"), sort(Sort.by(Sort.Direction.DESC, "count").and(Sort.by("_id"))),
                                limit(TOP_CAUSES))
                        .as("topCauses"))
                .withOptions(AggregationOptions.builder().allowDiskUse(true).build());
    }

    /** One deadline kind's punctuality: met on time vs. late (late includes breached and still open). */
    public record OnTime(long onTime, long late, Double rate) {
    }

    public record Cause(String cause, long count) {
    }

    /**
     * @param ratings CO-7 scores "1".."5" and "UNREACHABLE" with their counts
     * @param satisfiedShare share of ratings 1–3 among the cases rated 1–5
     */
    public record Summary(long total, long open, long closed, Map<String, Long> byCategory, Map<String, Long> byLevel,
            Map<String, Long> byChannel, Map<String, Long> byHandler, Map<String, OnTime> onTime,
            Map<String, Long> breachesByHandler, Map<String, Long> ratings, Double satisfiedShare, List<Cause> topCauses) {
    }

    private static Summary toSummary(Document facets) {
        Map<String, Long> open = counts(facets, "open", "_id");
        long openCount = open.getOrDefault("true", 0L);
        long closedCount = open.getOrDefault("false", 0L);

        Map<String, OnTime> onTime = new LinkedHashMap<>();
        Map<String, long[]> tally = new TreeMap<>();
        for (DeadlineKind kind : DeadlineKind.values()) {
            tally.put(kind.name(), new long[2]);
        }
        for (Document row : list(facets, "deadlines")) {
            Document id = row.get("_id", Document.class);
            long[] counts = tally.computeIfAbsent(id.getString("kind"), k -> new long[2]);
            counts[ "ON_TIME".equals(id.getString("outcome")) ? 0 : 1] += count(row);
        }
        tally.forEach((kind, counts) -> onTime.put(kind, new OnTime(counts[0], counts[1],
                counts[0] + counts[1] == 0 ? null : (double) counts[0] / (counts[0] + counts[1]))));

        Map<String, Long> ratings = new TreeMap<>();
        long satisfied = 0;
        long rated = 0;
        for (Document row : list(facets, "ratings")) {
            Document id = row.get("_id", Document.class);
            Object score = id.get("score");
            boolean unreachable = Boolean.TRUE.equals(id.get("customerUnreachable"));
            String key = unreachable || score == null ? "UNREACHABLE" : String.valueOf(((Number) score).intValue());
            ratings.merge(key, count(row), Long::sum);
            if (!"UNREACHABLE".equals(key)) {
                rated += count(row);
                if (((Number) score).intValue() <= 3) {
                    satisfied += count(row);
                }
            }
        }
        List<Cause> causes = new ArrayList<>();
        for (Document row : list(facets, "topCauses")) {
            causes.add(new Cause(row.getString("cause"), count(row)));
        }
        return new Summary(openCount + closedCount, openCount, closedCount, counts(facets, "byCategory", "_id"),
                counts(facets, "byLevel", "_id"), counts(facets, "byChannel", "_id"), counts(facets, "byHandler", "_id"),
                onTime, counts(facets, "breachesByHandler", "_id"), ratings, rated == 0 ? null : (double) satisfied / rated,
                causes);
    }

    private static Map<String, Long> counts(Document facets, String facet, String key) {
        Map<String, Long> counts = new TreeMap<>();
        for (Document row : list(facets, facet)) {
            Object value = row.get(key);
            counts.merge(value == null ? "(none)" : String.valueOf(value), count(row), Long::sum);
        }
        return counts;
    }

    private static List<Document> list(Document facets, String facet) {
        List<Document> rows = facets.getList(facet, Document.class);
        return rows == null ? List.of() : rows;
    }

    private static long count(Document row) {
        return ((Number) row.get("count")).longValue();
    }
}
