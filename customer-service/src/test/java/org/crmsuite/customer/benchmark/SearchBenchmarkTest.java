package org.crmsuite.customer.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bson.Document;
import org.crmsuite.customer.profile.Category;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.profile.NewCustomer;
import org.crmsuite.customer.profile.ProfileDetails;
import org.crmsuite.customer.profile.Values.Contact;
import org.crmsuite.testsupport.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Search performance over the service's HTTP API with 100,000 customers: paged search by name prefix, by owner and by
 * grade, p50/p99 of 300 requests each after a warm-up, and what the database says about index use. Not a timed test:
 * it only reports (target/benchmark/search.md). Run with {@code ./mvnw -o -B -pl customer-service test -Pbenchmark};
 * against a real MongoDB add {@code -Dcrm.embedded-mongo.enabled=false -Dspring.mongodb.uri=mongodb://127.0.0.1:27017}
 * (use an empty database: {@code -Dspring.mongodb.database=crm_customer_benchmark}), which also prints the query plan.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crm.events.relay.enabled=false", "crm.customer.jobs.enabled=false", "logging.level.root=WARN" })
@ActiveProfiles("test")
class SearchBenchmarkTest {

    static final int CUSTOMERS = Integer.getInteger("crm.benchmark.customers", 100_000);
    static final int RUNS = Integer.getInteger("crm.benchmark.runs", 300);
    static final String[] CITIES = { "上海", "北京", "杭州", "南京", "苏州", "宁波", "无锡", "合肥", "Shanghai", "Ningbo" };
    static final String[] WORDS = { "宏达", "恒信", "华远", "精工", "海通", "盛世", "安泰", "天和", "金帆", "长城", "新城", "华兴",
            "众诚", "宏远", "东方", "瑞丰", "绿野", "华康", "广厦", "明光", "Acme", "Northwind", "Blue River", "Golden Bridge",
            "Evergreen", "Silverline", "Pacific", "Summit", "Orient", "Zenith" };
    static final String[] TRADES = { "建设集团有限公司", "化工有限公司", "物业管理有限公司", "置业有限公司", "医疗器械有限公司",
            "Trading Co., Ltd.", "Logistics Ltd", "Chemicals Inc" };

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Clock clock;

    @Test
    void pagedSearchOverHttpWith100kCustomers() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = TestTokens.get().token("demo-director", "dept-company", Duration.ofHours(2), "DIRECTOR");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("name prefix (nameMatch=PREFIX, \"上海宏\")", "name=" + enc("上海宏") + "&nameMatch=PREFIX&size=20");
        queries.put("owner (ownerId=staff-117)", "ownerId=staff-117&size=20&page=2");
        queries.put("grade (grade=VIP)", "grade=VIP&size=20&page=5");
        queries.put("owner + department (scoped like a MANAGER)", "ownerId=staff-117&departmentId=dept-5&size=20");

        StringBuilder report = new StringBuilder();
        report.append("customers: ").append(CUSTOMERS).append(", seeded in ").append(seedMillis).append(" ms\n");
        report.append("cores: ").append(Runtime.getRuntime().availableProcessors()).append(", max heap: ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB\n\n");
        report.append("| query | results | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, String> query : queries.entrySet()) {
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/customers?" + query.getValue());
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
            String firstBody = null;
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(uri + " -> " + response.statusCode() + " " + response.body());
                }
                firstBody = response.body();
            }
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                http.send(request, HttpResponse.BodyHandlers.discarding());
                micros.add((System.nanoTime() - start) / 1_000);
            }
            micros.sort(Long::compare);
            String total = firstBody.replaceAll(".*\"totalItems\":(\\d+).*", "$1");
            report.append(String.format("| %s | %s | %.1f | %.1f | %.1f |%n", query.getKey(), total,
                    micros.get(micros.size() / 2) / 1000.0, micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0,
                    micros.get(micros.size() - 1) / 1000.0));
        }
        report.append("\nindexes on customers: ");
        report.append(mongo.indexOps("customers").getIndexInfo().stream().map(i -> i.getName()).toList()).append("\n");
        report.append("explain: ").append(explain()).append("\n");
        Path out = Path.of("target/benchmark/search.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n=== search benchmark ===\n" + report);
    }

    private String explain() {
        try {
            Document plan = mongo.getDb().runCommand(new Document("explain", new Document("find", "customers")
                    .append("filter", new Document("tenantId", "default").append("ownerId", "staff-117"))
                    .append("sort", new Document("nameKey", 1).append("_id", 1)).append("limit", 20))
                    .append("verbosity", "queryPlanner"));
            return plan.toJson();
        } catch (RuntimeException e) {
            return "not available from this server (" + e.getMessage().replaceAll("\\s+", " ") + ")";
        }
    }

    private void seed() {
        Random random = new Random(2026);
        List<Customer> batch = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String name = CITIES[random.nextInt(CITIES.length)] + WORDS[random.nextInt(WORDS.length)]
                    + (i % 7 == 0 ? " " : "") + TRADES[random.nextInt(TRADES.length)] + " " + i;
            int draw = random.nextInt(100);
            Grade grade = draw < 10 ? Grade.VIP : draw < 35 ? Grade.PREFERRED : Grade.QUALIFIED;
            String registration = String.format("91B%015d", i);
            Contact contact = new Contact("c1", "联系人" + i, "buyer", String.format("139%08d", i), "c" + i + "@example.com",
                    null, null, null, true, false);
            NewCustomer details = new NewCustomer("default", new ProfileDetails(name, registration, "示例路 " + i + " 号",
                    "华东", "chemicals", null, null, null, null, List.of()), List.of(contact), List.of(),
                    "staff-" + (i % 200), "dept-" + (i % 200 / 20), Category.values()[i % 3], grade, List.of(), "benchmark",
                    null, null, clock.instant().plusSeconds(86_400L * 180));
            Customer customer = Customer.register(details, clock.instant());
            customer.setId(String.format("%024x", i));
            customer.setVersion(0L);
            batch.add(customer);
            if (batch.size() == 5_000) {
                mongo.insert(batch, Customer.class);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, Customer.class);
        }
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
