package org.crmsuite.complaint.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmsuite.complaint.cases.Cases;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.crmsuite.complaint.workorder.WorkOrders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The local profile's demo data: open complaints at every level and a work order, written once however often it runs. */
class DemoDataTest extends ServiceTestBase {

    @Autowired
    Cases cases;
    @Autowired
    WorkOrders workOrders;

    @Test
    void demoDataIsWrittenOnceWithEveryLevelAndAWorkOrder() {
        DemoData demo = new DemoData(cases, workOrders);
        demo.run(null);
        demo.run(null); // a restart, or a second instance
        Query demoCases = Query.query(Criteria.where("idempotencyKey").regex("^demo:"));
        assertThat(mongo.count(demoCases, "complaints")).isEqualTo(6);
        assertThat(mongo.findDistinct(demoCases, "level", "complaints", String.class)).containsExactlyInAnyOrder("L1", "L2", "L3");
        assertThat(mongo.findDistinct(demoCases, "state", "complaints", String.class))
                .contains("RECEIVED", "ACCEPTED", "INVESTIGATING", "ACKNOWLEDGED");
        assertThat(mongo.count(Query.query(Criteria.where("dispatcherId").is(DemoData.DISPATCHER)), "work_orders")).isEqualTo(1);
    }
}
