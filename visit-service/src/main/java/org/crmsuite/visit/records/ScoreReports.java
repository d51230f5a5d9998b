package org.crmsuite.visit.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.crmsuite.visit.calendar.VisitCalendar;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * VI-4: the scored reports aggregated per customer and per account manager — averages of each dimension and of the
 * overall score, and the trend by quarter (in the calendar's zone) with its direction from the previous quarter.
 */
@Service
public class ScoreReports {

    private final MongoTemplate mongo;
    private final VisitCalendar calendar;

    ScoreReports(MongoTemplate mongo, VisitCalendar calendar) {
        this.mongo = mongo;
        this.calendar = calendar;
    }

    public record Averages(int reports, Double productQuality, Double serviceAttitude, Double productReputation,
            Double overall) {
    }

    /** One quarter; {@code direction} UP, DOWN or FLAT against the quarter before that had reports (null for the first). */
    public record Period(String period, Averages averages, String direction) {
    }

    /** @param subject {@code customer} or {@code manager} */
    public record ScoreReport(String subject, String id, Instant from, Instant to, Averages averages, List<Period> trend) {
    }

    public ScoreReport forCustomer(String customerId, Instant from, Instant to) {
        return report("customer", "customerId", customerId, from, to);
    }

    public ScoreReport forManager(String ownerId, Instant from, Instant to) {
        return report("manager", "ownerId", ownerId, from, to);
    }

    private ScoreReport report(String subject, String field, String id, Instant from, Instant to) {
        Criteria criteria = new org.crmsuite.visit.web.Filters().is(field, id).add(Criteria.where("report").ne(null))
                .between("visitedAt", from, to).criteria();
        List<VisitRecord> records = mongo.find(Query.query(criteria).with(Sort.by("visitedAt")), VisitRecord.class);
        Map<String, List<VisitRecord>> byQuarter = new TreeMap<>();
        for (VisitRecord record : records) {
            LocalDate date = calendar.dateOf(record.getVisitedAt());
            String quarter = date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
            byQuarter.computeIfAbsent(quarter, q -> new ArrayList<>()).add(record);
        }
        List<Period> trend = new ArrayList<>();
        Double previous = null;
        for (Map.Entry<String, List<VisitRecord>> quarter : byQuarter.entrySet()) {
            Averages averages = averages(quarter.getValue());
            String direction = previous == null ? null
                    : averages.overall() > previous ? "UP" : averages.overall() < previous ? "DOWN" : "FLAT";
            trend.add(new Period(quarter.getKey(), averages, direction));
            previous = averages.overall();
        }
        return new ScoreReport(subject, id, from, to, averages(records), trend);
    }

    static Averages averages(List<VisitRecord> records) {
        if (records.isEmpty()) {
            return new Averages(0, null, null, null, null);
        }
        double quality = 0;
        double service = 0;
        double reputation = 0;
        double overall = 0;
        for (VisitRecord record : records) {
            VisitRecord.Report report = record.getReport();
            quality += report.productQuality();
            service += report.serviceAttitude();
            reputation += report.productReputation();
            overall += report.overall();
        }
        int n = records.size();
        return new Averages(n, round(quality / n), round(service / n), round(reputation / n), round(overall / n));
    }

    private static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
