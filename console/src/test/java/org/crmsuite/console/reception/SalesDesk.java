package org.crmsuite.console.reception;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * sales-service (and identity's directory) as the gateway answers for the local demo desk (sales-service
 * {@code demo.DemoSalesOffice}, identity {@code seed.DemoDirectory}): office {@code office-east-bund} of
 * {@code dept-east-sales}, today's rota demo-sales-1 → 2 → 3 after the three demo walk-ins (next demo-sales-3),
 * units 1-0101 (small deposit of demo-customer-06 by demo-sales-1) and 1-0102.
 */
final class SalesDesk {

    static final String OFFICE_ID = "office-east-bund";
    static final String DEPT = "dept-east-sales";
    static final String ROTA_PATH = "/api/v1/reception/offices/office-east-bund/rota/\\d{4}-\\d{2}-\\d{2}";
    static final String UNIT_AVAILABLE = "64f0a0000000000000000102";
    static final String UNIT_HELD = "64f0a0000000000000000101";
    static final String DEAL = "64f0b0000000000000000001";

    static final String OFFICE = """
            {"id":"office-east-bund","name":"外滩壹号售楼处 East Bund sales office","departmentId":"dept-east-sales",
             "projectId":"proj-east-bund","projectName":"外滩壹号 East Bund No. 1","createdAt":"2026-11-22T00:00:00Z",
             "createdBy":"demo-seed"}""";

    static final String OTHER_OFFICE = """
            {"id":"office-west-lake","name":"西湖售楼处 West Lake sales office","departmentId":"dept-west-sales",
             "projectId":"proj-west-lake","projectName":"西湖 West Lake","createdAt":"2026-11-22T00:00:00Z",
             "createdBy":"demo-admin"}""";

    static final String STAFF = """
            {"items":[
              {"id":"demo-manager-east","username":"manager.east","name":"张伟 Zhang Wei","roles":["MANAGER"],"departmentId":"dept-east-sales","status":"ACTIVE"},
              {"id":"demo-sales-1","username":"sales1","name":"刘洋 Liu Yang","roles":["SALES"],"departmentId":"dept-east-sales","status":"ACTIVE"},
              {"id":"demo-sales-2","username":"sales2","name":"赵敏 Zhao Min","roles":["SALES"],"departmentId":"dept-east-sales","status":"ACTIVE"},
              {"id":"demo-sales-3","username":"sales3","name":"孙磊 Sun Lei","roles":["SALES"],"departmentId":"dept-east-sales","status":"ACTIVE"}],
             "page":0,"size":200,"totalItems":4,"totalPages":1}""";

    /** After the demo's walk-ins: an SA-1 turn each for 1 and 2, 王先生's SA-3 return to 2; demo-sales-2 now absent. */
    static final String ROTA = """
            {"officeId":"office-east-bund","date":"2026-11-22","next":"demo-sales-3","standby":"demo-sales-1",
             "reps":[
               {"repId":"demo-sales-1","state":"ON_DUTY","priority":false,"owed":0,"turnsTaken":1,"turnsLost":0,"notCounted":0},
               {"repId":"demo-sales-2","state":"ABSENT","priority":false,"owed":0,"turnsTaken":1,"turnsLost":0,"notCounted":1},
               {"repId":"demo-sales-3","state":"ON_DUTY","priority":false,"owed":0,"turnsTaken":0,"turnsLost":0,"notCounted":0}],
             "turns":[
               {"receptionId":"r1","repId":"demo-sales-1","creditedRepId":"demo-sales-1","rule":"SA-1","reason":"SA-3: new customer; SA-1: next in the rota","counted":true,"registrationId":null,"at":"2026-11-22T01:00:00Z"},
               {"receptionId":"r2","repId":"demo-sales-2","creditedRepId":"demo-sales-2","rule":"SA-3","reason":"SA-3: registered to demo-sales-2","counted":false,"registrationId":"g1","at":"2026-11-22T01:10:00Z"},
               {"receptionId":"r3","repId":"demo-sales-2","creditedRepId":"demo-sales-2","rule":"SA-1","reason":"SA-3: cannot recall a previous visit and none is registered: treated as new; SA-1: next in the rota","counted":true,"registrationId":null,"at":"2026-11-22T01:20:00Z"}],
             "version":6}""";

    static final String UNITS = """
            [{"id":"64f0a0000000000000000101","projectId":"proj-east-bund","officeId":"office-east-bund","building":"1",
              "unitNumber":"0101","area":"100","price":"5730000","currency":"CNY","status":"SMALL_DEPOSIT",
              "depositId":"64f0b0000000000000000001","lockedAt":"2026-11-22T01:30:00Z","version":2},
             {"id":"64f0a0000000000000000102","projectId":"proj-east-bund","officeId":"office-east-bund","building":"1",
              "unitNumber":"0102","area":"112","price":"6180000","currency":"CNY","status":"AVAILABLE",
              "depositId":null,"lockedAt":null,"version":0}]""";

    static final String DEAL_JSON = """
            {"id":"64f0b0000000000000000001","unitId":"64f0a0000000000000000101","projectId":"proj-east-bund",
             "officeId":"office-east-bund","customerId":"demo-customer-06","buyerName":"南京华远置业有限公司",
             "buyerPhone":"13600005555","repId":"demo-sales-1","stage":"SMALL_DEPOSIT",
             "amounts":[{"stage":"SMALL_DEPOSIT","amount":"20000.00","currency":"CNY","recordedBy":"demo-sales-1","at":"2026-11-22T01:30:00Z"}],
             "payments":[{"stage":"SMALL_DEPOSIT","amount":"20000.00","currency":"CNY","reference":"POS-DEMO-0001","receivedBy":"demo-finance","receivedAt":"2026-11-22T01:31:00Z"}],
             "changes":[],"takenAt":"2026-11-22T01:30:00Z","version":1}""";

    private static volatile boolean warm;

    private SalesDesk() {
    }

    /** The office, both lists and the directory's names: what every part of the screen reads first. */
    static void office(WireMockServer gateway) {
        warmUp(gateway);
        gateway.stubFor(get(urlPathEqualTo("/api/v1/reception/offices"))
                .willReturn(okJson("[" + OFFICE + "," + OTHER_OFFICE + "]")));
        gateway.stubFor(get(urlPathEqualTo("/api/v1/reception/offices/office-east-bund")).willReturn(okJson(OFFICE)));
        gateway.stubFor(get(urlPathEqualTo("/api/v1/departments/dept-east-sales/staff")).willReturn(okJson(STAFF)));
    }

    /**
     * The first request a fresh WireMock serves can take longer than the console's test read timeout (2 s) on a busy
     * machine; one request ahead of the tests keeps that out of the first test's answer.
     */
    private static void warmUp(WireMockServer gateway) {
        if (warm) {
            return;
        }
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/warm-up"))
                    .timeout(java.time.Duration.ofSeconds(30)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException | InterruptedException e) {
            // the tests will tell if the gateway stand-in cannot be reached
        }
        warm = true;
    }

    static ResponseDefinitionBuilder problem(int status, String code, String detail) {
        return problem(status, code, detail, "");
    }

    /** A problem+json answer as the platform's ProblemHandler writes it. */
    static ResponseDefinitionBuilder problem(int status, String code, String detail, String errors) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:crm:problem:" + code + "\",\"title\":\"" + (status == 409 ? "Conflict"
                        : status == 400 ? "Bad Request" : status == 503 ? "Service Unavailable" : "Error")
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\""
                        + (errors.isEmpty() ? "" : ",\"errors\":" + errors) + "}");
    }

    static void rota(WireMockServer gateway, String json) {
        gateway.stubFor(get(urlPathMatching(ROTA_PATH)).willReturn(okJson(json)));
    }
}
