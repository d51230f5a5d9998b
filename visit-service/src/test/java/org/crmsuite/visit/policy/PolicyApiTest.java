package org.crmsuite.visit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.crmsuite.visit.customers.Category;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.Grade;
import org.crmsuite.visit.plans.Plans;
import org.crmsuite.testsupport.Api;
import org.crmsuite.visit.support.ServiceTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.node.ObjectNode;

/** VI-1: the cadence table is a policy an administrator changes at run time; plans follow the change. */
class PolicyApiTest extends ServiceTestBase {

    @Autowired
    Plans plans;

    @AfterEach
    void defaults() {
        mongo.remove(new Query(), "visit_policy");
    }

    @Test
    void anAdministratorChangesTheCadenceAndPlansFollow_VI1() {
        Api.Response current = api.get("/api/v1/visits/policy", sales("sales-1", "d-east"));
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.body().path("version").asLong()).isZero();
        assertThat(current.body().path("policy").path("categoryMonths").path("key").asInt()).isEqualTo(3);
        CustomerView customer = knownCustomer(unique("d-east"), "sales-1", Category.KEY, Grade.QUALIFIED, "华东");
        plans.generate(customer);
        assertThat(openPlansOf(customer.getId())).hasSize(4);

        ObjectNode policy = (ObjectNode) current.body().path("policy").deepCopy();
        ((ObjectNode) policy.path("categoryMonths")).put("key", 2);
        Map<String, Object> update = Map.of("policy", policy, "version", 0);
        assertThat(api.put("/api/v1/visits/policy", manager("manager-1", "d-east"), update).status()).isEqualTo(403);
        Api.Response changed = api.put("/api/v1/visits/policy", admin(), update);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().path("version").asLong()).isEqualTo(1);
        assertThat(changed.text("updatedBy")).isEqualTo("staff-admin");
        assertThat(api.put("/api/v1/visits/policy", admin(), update).status()).isEqualTo(409);

        // the next plan pass makes the key customer's plans bimonthly
        plans.generate(customers.find(customer.getId()).orElseThrow());
        assertThat(openPlansOf(customer.getId())).hasSize(6)
                .allSatisfy(p -> assertThat(p.getInteger("cadenceMonths")).isEqualTo(2));
    }

    @Test
    void anInvalidPolicyIsRefusedNamingTheField_VI1() {
        ObjectNode policy = (ObjectNode) api.get("/api/v1/visits/policy", admin()).body().path("policy").deepCopy();
        ((ObjectNode) policy.path("categoryMonths")).put("general", 0);
        Api.Response refused = api.put("/api/v1/visits/policy", admin(), Map.of("policy", policy, "version", 0));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("policy.categoryMonths.general");
        assertThat(api.get("/api/v1/visits/policy", finance()).status()).isEqualTo(200);
    }
}
