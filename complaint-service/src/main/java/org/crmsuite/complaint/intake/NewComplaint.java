package org.crmsuite.complaint.intake;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.crmsuite.complaint.cases.Category;
import org.crmsuite.complaint.cases.Channel;
import org.crmsuite.complaint.cases.Level;

/**
 * A complaint as filed (CO-1 channel, CO-2 record). Either {@code customerId} (a registered customer) or a
 * {@code contact} with a name (a consumer or franchisee) is required. {@code level} defaults to L1; {@code relatedTo}
 * names an earlier complaint on the same matter (CO-8); {@code receivedAt} defaults to now (a letter is recorded
 * when it was received, not when it was typed in).
 */
record NewComplaint(
        @NotNull Channel channel,
        @NotNull Category category,
        @NotBlank @Size(max = 5000) String content,
        Level level,
        @Size(max = 64) String customerId,
        @Valid Contact contact,
        Instant receivedAt,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> products,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> stores,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> staff,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> attachments,
        @Size(max = 64) String relatedTo,
        @Size(max = 64) String departmentId) {

    /** @param kind CUSTOMER (a customer's contact person), CONSUMER or FRANCHISEE */
    record Contact(@NotBlank @Size(max = 200) String name, @Size(max = 50) String phone, @Email @Size(max = 200) String email,
            ContactKind kind) {
    }

    enum ContactKind { CUSTOMER, CONSUMER, FRANCHISEE }

    @AssertTrue(message = "a complaint needs customerId or a contact with a name")
    boolean isComplainantKnown() {
        return (customerId != null && !customerId.isBlank()) || (contact != null && contact.name() != null);
    }
}
