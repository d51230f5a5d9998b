package org.crmsuite.complaint.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.crmsuite.complaint.cases.Complaint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Benchmark, not a test (not run by default; docs/benchmarks.md): the CO-9 monthly report over 200,000 complaints,
 * timed, and the aggregation's plan ({@code explain}) where the server supports it.
 * <pre>
 * ./mvnw -o -B -pl complaint-service test -Dtest=MonthlyReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark=true -Dcrm.test.jvm="-Xmx2g -XX:+UseSerialGC"     # add -Dbench.months=1: all cases in the month
 * # against a real MongoDB (explain shows the index): add -Dbench.mongo-uri=mongodb://127.0.0.1:27017
 * </pre>
 * The cases are inserted as the documents the service writes (same fields and indexes as {@link Complaint}), spread over
 * the twelve months of 2026 across five departments; the report is for October 2026, all departments and one.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class MonthlyReportBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 200_000);
    /** 12: the cases spread over 2026 (a month holds 1/12); 1: all of them in October 2026 (the worst case). */
    static final int MONTHS = Integer.getInteger("bench.months", 12);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String[] CATEGORIES = { "PRODUCT_QUALITY", "SERVICE_ATTITUDE", "DELIVERY", "ORDER_MISMATCH", "POLICY", "OTHER" };
    static final String[] CHANNELS = { "PHONE", "EMAIL", "LETTER", "FAX", "WEB_FORM", "IN_PERSON", "SUGGESTION_BOX", "SMS",
            "SOCIAL_MEDIA", "PARTNER_SYSTEM" };
    static final String[] CAUSES = { "late truck", "wrong batch", "rude driver", "invoice error", "damaged packaging",
            "policy misunderstood", "stock shortage", "label mismatch" };

    @Test
    void monthlyReportOver200kCases() throws IOException {
        String uri = System.getProperty("bench.mongo-uri");
        MongoServer embedded = null;
        if (uri == null) {
            embedded = new MongoServer(new MemoryBackend());
            embedded.bind("127.0.0.1", 0);
            uri = "mongodb://127.0.0.1:" + embedded.getLocalAddress().getPort();
        }
        List<String> out = new ArrayList<>();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, "crm_complaint_bench");
            mongo.dropCollection(Complaint.COLLECTION);
            createIndexes(mongo);
            long insertStart = System.nanoTime();
            insert(mongo);
            out.add(String.format("server: %s; %d cases over %s inserted in %.1f s",
                    embedded != null ? "embedded mongo-java-server 1.47 (memory backend)" : uri, CASES,
                    MONTHS == 1 ? "October 2026 only" : "the 12 months of 2026", (System.nanoTime() - insertStart) / 1e9));

            Instant from = LocalDate.of(2026, 10, 1).atStartOfDay(SHANGHAI).toInstant();
            Instant to = LocalDate.of(2026, 11, 1).atStartOfDay(SHANGHAI).toInstant();
            ComplaintReports reports = new ComplaintReports(mongo);
            for (String department : Arrays.asList(null, "d-3")) {
                for (int warm = 0; warm < 2; warm++) {
                    reports.summarise(from, to, department);
                }
                double[] millis = new double[5];
                ComplaintReports.Summary summary = null;
                for (int run = 0; run < millis.length; run++) {
                    long start = System.nanoTime();
                    summary = reports.summarise(from, to, department);
                    millis[run] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(millis);
                out.add(String.format("October 2026, %s: %d cases in the month; median %.0f ms (min %.0f, max %.0f) over 5 runs",
                        department == null ? "all departments" : "department " + department, summary.total(), millis[2],
                        millis[0], millis[4]));
                out.add("  explain: " + explain(mongo, from, to, department));
            }
        } finally {
            if (embedded != null) {
                embedded.shutdownNow();
            }
        }
        out.add(String.format("JVM: %s, max heap %d MB, %d cores", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors()));
        out.forEach(System.out::println);
        Path file = Path.of("target", "benchmarks", "monthly-report-" + MONTHS + "m.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, out);
    }

    static void createIndexes(MongoTemplate mongo) {
        MongoMappingContext context = (MongoMappingContext) mongo.getConverter().getMappingContext();
        IndexOperations indexes = mongo.indexOps(Complaint.COLLECTION);
        new MongoPersistentEntityIndexResolver(context).resolveIndexFor(Complaint.class)
                .forEach(definition -> indexes.createIndex(definition));
    }

    static void insert(MongoTemplate mongo) {
        Random random = new Random(42);
        LocalDate first = MONTHS == 1 ? LocalDate.of(2026, 10, 1) : LocalDate.of(2026, 1, 1);
        Instant yearStart = first.atStartOfDay(SHANGHAI).toInstant();
        long yearSeconds = (MONTHS == 1 ? 31L : 365L) * 24 * 3600;
        List<Document> batch = new ArrayList<>(5000);
        for (int i = 0; i < CASES; i++) {
            Instant received = yearStart.plusSeconds((long) (random.nextDouble() * yearSeconds));
            boolean closed = random.nextInt(10) < 7;
            String handler = "staff-agent-" + random.nextInt(40);
            List<Document> deadlines = new ArrayList<>();
            for (String kind : List.of("ACKNOWLEDGE", "ACCEPT", "RESOLVE")) {
                boolean late = random.nextInt(10) == 0;
                deadlines.add(new Document("kind", kind).append("round", deadlines.size() + 1)
                        .append("dueAt", Date.from(received.plusSeconds(3600)))
                        .append("outcome", closed || kind != "RESOLVE" ? (late ? "LATE" : "ON_TIME") : "OPEN")
                        .append("breached", late).append("breachHandlerId", late ? handler : null));
            }
            Document doc = new Document("receivedAt", Date.from(received))
                    .append("departmentId", "d-" + random.nextInt(5))
                    .append("category", CATEGORIES[random.nextInt(CATEGORIES.length)])
                    .append("channel", CHANNELS[random.nextInt(CHANNELS.length)])
                    .append("level", random.nextInt(10) < 7 ? "L1" : random.nextInt(3) < 2 ? "L2" : "L3")
                    .append("handlerId", handler).append("open", !closed).append("state", closed ? "CLOSED" : "INVESTIGATING")
                    .append("content", "benchmark complaint " + i).append("gradeRank", random.nextInt(4))
                    .append("deadlines", deadlines).append("version", 5L);
            if (closed) {
                boolean unreachable = random.nextInt(20) == 0;
                doc.append("rating", new Document("score", unreachable ? null : 1 + random.nextInt(5))
                        .append("customerUnreachable", unreachable));
                String cause = CAUSES[random.nextInt(CAUSES.length)];
                doc.append("cause", cause).append("causeKey", cause);
            }
            batch.add(doc);
            if (batch.size() == 5000) {
                mongo.getCollection(Complaint.COLLECTION).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.getCollection(Complaint.COLLECTION).insertMany(batch);
        }
    }

    static String explain(MongoTemplate mongo, Instant from, Instant to, String department) {
        Aggregation pipeline = ComplaintReports.pipeline(from, to, department);
        Document command = new Document("explain", new Document("aggregate", Complaint.COLLECTION)
                .append("pipeline", pipeline.toPipeline(Aggregation.DEFAULT_CONTEXT)).append("cursor", new Document()))
                .append("verbosity", "queryPlanner");
        try {
            Document plan = mongo.getDb().runCommand(command);
            String json = plan.toJson();
            boolean indexScan = json.contains("IXSCAN");
            int name = json.indexOf("\"indexName\"");
            return (indexScan ? "IXSCAN" : json.contains("COLLSCAN") ? "COLLSCAN" : "plan without IXSCAN/COLLSCAN")
                    + (name >= 0 ? " " + json.substring(name, Math.min(json.length(), json.indexOf(',', name))) : "");
        } catch (RuntimeException e) {
            return "not available from this server (" + e.getMessage().replaceAll("\\s+", " ") + ")";
        }
    }
}
