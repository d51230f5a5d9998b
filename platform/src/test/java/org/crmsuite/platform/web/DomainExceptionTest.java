package org.crmsuite.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class DomainExceptionTest {

    @Test
    void aPropertyCannotTakeTheNameOfAProblemMember() {
        // a second "status" member made a 409's body read "status":"RESERVED" (JSON readers keep the last one)
        DomainException refusal = new DomainException(HttpStatus.CONFLICT, "unit.unavailable", "reserved");
        for (String member : new String[] { "type", "title", "status", "detail", "instance", "code" }) {
            assertThatThrownBy(() -> refusal.with(member, "x")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(refusal.with("unitStatus", "RESERVED").properties()).containsEntry("unitStatus", "RESERVED");
    }
}
