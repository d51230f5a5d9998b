package org.crmsuite.notification.care;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.crmsuite.notification.customers.ContactBook;
import org.crmsuite.notification.delivery.DeliveryStatus;
import org.crmsuite.notification.support.ServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * NO-1 care messages: birthdays of key contacts (customer-service) and public holidays (the business calendar), once
 * per occasion even when the job runs twice (two instances), never to customers who opted out.
 */
class CareMessagesTest extends ServiceTestBase {

    @Autowired
    CareMessages care;
    @Autowired
    ContactBook contacts;

    @BeforeEach
    void customers() {
        clock.set(Instant.parse("2026-11-23T01:30:00Z")); // 09:30 in Shanghai, after the care time
        contacts.save(new ContactBook.Contact("cust-a", "Huaxin Steel", "王芳", "13800000001", null, clock.instant()));
        contacts.save(new ContactBook.Contact("cust-b", "Dongfang", "李雷", "13800000002", null, clock.instant()));
        assertThat(api.put("/api/v1/notifications/preferences/customers/cust-b", sales("demo-sales-1"),
                Map.of("careOptOut", true)).status()).isEqualTo(200);
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/customers/birthdays")).willReturn(json("""
                {"items":[
                  {"customerId":"cust-a","customerName":"Huaxin Steel","departmentId":"dept-east-sales","ownerId":"demo-sales-1",
                   "contactId":"c-1","contactName":"王芳","title":"CFO","monthDay":"11-23","key":true},
                  {"customerId":"cust-b","customerName":"Dongfang","departmentId":"dept-east-sales","ownerId":"demo-sales-1",
                   "contactId":"c-2","contactName":"李雷","title":"CEO","monthDay":"11-23","key":true}],
                 "page":0,"size":200,"totalItems":2,"totalPages":1}""")));
        calendar("2026-11-22", null, "2026-11-23", null);
    }

    private static void calendar(String yesterday, String yesterdayHoliday, String today, String todayHoliday) {
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/calendars/cn-default/days")).willReturn(json("[" + day(yesterday, yesterdayHoliday)
                + "," + day(today, todayHoliday) + "]")));
    }

    private static String day(String date, String holiday) {
        return "{\"date\":\"" + date + "\",\"dayOfWeek\":\"MONDAY\",\"working\":" + (holiday == null) + ",\"hours\":[],\"holiday\":"
                + (holiday == null ? "null" : "\"" + holiday + "\"") + ",\"makeUpWorkingDay\":null}";
    }

    @Test
    void birthdayGreetingsGoOutOncePerContactAndNeverToThoseWhoOptedOut_NO1() {
        assertThat(care.runOnce().birthdays()).isEqualTo(2);
        assertThat(care.runOnce().birthdays()).as("a second pass (or instance) sends nothing again").isZero();
        dispatcher.runOnce();

        SERVICES.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/v1/customers/birthdays"))
                .withQueryParam("from", equalTo("11-23")).withQueryParam("to", equalTo("11-23"))
                .withHeader("Authorization", equalTo("Bearer notification-service-token")));
        PROVIDERS.verify(1, postRequestedFor(urlEqualTo("/sms/primary")));
        PROVIDERS.verify(postRequestedFor(urlEqualTo("/sms/primary")).withRequestBody(matchingJsonPath("$.to", equalTo("13800000001")))
                .withRequestBody(matchingJsonPath("$.text", equalTo("【CRM】王芳您好，祝您生日快乐！感谢您对我们的支持。"))));
        assertThat(deliveries("care-birthday-c-2-2026")).filteredOn(d -> "CUSTOMER".equals(d.getRecipient().kind()))
                .singleElement().satisfies(d -> {
                    assertThat(d.getStatus()).isEqualTo(DeliveryStatus.SKIPPED);
                    assertThat(d.getLastError()).contains("opted out");
                });
        // the owner is reminded of both birthdays in the inbox
        var reminders = api.get("/api/v1/notifications/inbox", sales("demo-sales-1")).body().path("items");
        assertThat(reminders).hasSize(2);
        assertThat(reminders.toString()).contains("Today is the birthday of 王芳 of Huaxin Steel; send your wishes.");
    }

    @Test
    void theFirstDayOfAPublicHolidayGreetsEveryKnownContactOnce_NO1() {
        calendar("2026-11-22", null, "2026-11-23", "测试节 Test Day");
        assertThat(care.runOnce().holidays()).isEqualTo(2);
        assertThat(care.runOnce().holidays()).isZero();
        dispatcher.runOnce();
        PROVIDERS.verify(postRequestedFor(urlEqualTo("/sms/primary")).withRequestBody(matchingJsonPath("$.to", equalTo("13800000001")))
                .withRequestBody(matchingJsonPath("$.text", equalTo("【CRM】王芳您好，测试节 Test Day快乐！祝您节日愉快。"))));
        PROVIDERS.verify(0, postRequestedFor(urlEqualTo("/sms/primary")).withRequestBody(matchingJsonPath("$.to", equalTo("13800000002"))));
        // the second day of the same holiday sends nothing new
        calendar("2026-11-23", "测试节 Test Day", "2026-11-24", "测试节 Test Day");
        clock.set(Instant.parse("2026-11-24T01:30:00Z"));
        assertThat(care.runOnce().holidays()).isZero();
    }

    @Test
    void whenCustomerServiceIsDownTheDayIsTriedAgainOnTheNextPass_NO1() {
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/customers/birthdays")).willReturn(aResponse().withStatus(503)));
        assertThat(care.runOnce().birthdays()).isZero();
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "notification_requests")).isZero();
        customers();
        assertThat(care.runOnce().birthdays()).isEqualTo(2);
    }
}
