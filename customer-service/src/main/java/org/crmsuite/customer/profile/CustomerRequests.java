package org.crmsuite.customer.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.crmsuite.customer.profile.Values.DocumentType;

/** Request bodies of the customer profile API. */
final class CustomerRequests {

    static final String REGISTRATION = "[0-9A-Za-z-]{6,32}";
    static final String PHONE = "\\+?[0-9][0-9 ()-]{4,24}";

    private CustomerRequests() {
    }

    record LegalRepresentativeBody(@NotBlank @Size(max = 100) String name, @Size(max = 32) String idNumber) {
    }

    record ContactBody(@NotBlank @Size(max = 100) String name, @Size(max = 100) String title,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone, @Email @Size(max = 200) String email,
            @Size(max = 32) String idNumber, @Past LocalDate birthday, Boolean key) {
    }

    record MoneyBody(@NotBlank @Pattern(regexp = "\\d{1,15}(\\.\\d{1,4})?", message = "must be a decimal string") String amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {
    }

    record ProjectBody(@NotBlank @Size(max = 200) String name, @Size(max = 200) String location,
            @Size(max = 200) String scale, @Valid MoneyBody budget, @Size(max = 500) String schedule,
            Instant occurredAt, @Size(max = 500) String reason) {
    }

    record DocumentBody(@NotNull DocumentType type, @NotBlank @Size(max = 64) String number, @NotNull LocalDate expiresOn) {
    }

    record CreateCustomer(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = REGISTRATION, message = "must be 6 to 32 letters, digits or dashes") String registrationNumber,
            @Size(max = 500) String address,
            @Size(max = 100) String region,
            @Size(max = 100) String industry,
            @Valid LegalRepresentativeBody legalRepresentative,
            @Size(max = 2000) String businessScope,
            StrategicValue strategicValue,
            @Size(max = 4000) String organisation,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> decisionChain,
            @Size(max = 20) List<@NotBlank @Size(max = 64) String> productLines,
            @Valid @Size(max = 50) List<ContactBody> contacts,
            @Valid @Size(max = 50) List<ProjectBody> projects,
            @Size(max = 64) String ownerId,
            @Size(max = 64) String departmentId,
            Category category,
            Grade grade,
            @Valid @Size(max = 10) List<DocumentBody> documents,
            Boolean confirmDuplicate) {
    }

    /** Replaces the editable profile; {@code version} or {@code If-Match} names the version the caller read. */
    record UpdateCustomer(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = REGISTRATION, message = "must be 6 to 32 letters, digits or dashes") String registrationNumber,
            @Size(max = 500) String address,
            @Size(max = 100) String region,
            @Size(max = 100) String industry,
            @Valid LegalRepresentativeBody legalRepresentative,
            @Size(max = 2000) String businessScope,
            StrategicValue strategicValue,
            @Size(max = 4000) String organisation,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> decisionChain,
            @Size(max = 20) List<@NotBlank @Size(max = 64) String> productLines,
            @Min(0) Long version,
            Instant occurredAt,
            @Size(max = 500) String reason) {
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    record ConsentBody(@NotBlank @Size(max = 500) String scope, @NotNull LocalDate grantedOn,
            @NotBlank @Size(max = 1000) String evidence) {
    }

    record CommunicationBody(@NotNull Communication.Channel channel, @NotBlank @Size(max = 4000) String summary,
            @Size(max = 64) String contactId, Instant at) {
    }

    record CooperationBody(@NotBlank @Size(max = 64) String contractNumber, @Size(max = 200) String title,
            @NotNull @Valid MoneyBody amount, @NotNull LocalDate signedOn, LocalDate startOn, LocalDate endOn,
            @Size(max = 2000) String notes) {
    }
}
