package app.meike.customer;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static app.meike.customer.CustomerApiTest.customer;
import static app.meike.customer.CustomerApiTest.mobile;
import static app.meike.customer.CustomerApiTest.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CustomerExportApiTest extends ApiTest {

    static Response export(String token, String format, Map<String, Object> filters) {
        return as(token).accept("*/*").queryParam("format", format).queryParams(filters)
                .get("/api/v1/customer-export");
    }

    @Test
    void aFilteredCsvExportCanBeImportedBackUnchanged() {
        Chain chain = Chains.create();
        String phone = mobile();
        Map<String, Object> vip = customer("钱, \"多多\"", phone);
        vip.put("tags", List.of("VIP", "敏感肌"));
        vip.put("birthDate", "1991-02-03");
        vip.put("notes", "两行\n备注");
        vip.put("marketingConsent", Map.of("granted", true));
        register(chain, vip);
        register(chain, customer("孙普通", mobile()));

        Response file = export(chain.adminToken(), "csv", Map.of("tag", "VIP"));
        file.then().statusCode(200).contentType("text/csv").header("X-Total-Count", "1")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv"));
        byte[] bytes = file.asByteArray();
        assertThat(bytes).startsWith(0xef, 0xbb, 0xbf);
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).contains("\"钱, \"\"多多\"\"\"", phone, "VIP;敏感肌", "1991-02-03", "\"两行\n备注\"")
                .doesNotContain("孙普通");
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("\uFEFFid,name,phone,gender,birthDate,source,"
                + "referrerPhone,tags,firstVisitDate,owner,notes,marketingConsent,status,firstPurchaseDate,"
                + "lastVisitDate");

        Map<String, Object> report = as(chain.adminToken()).contentType("text/csv").body(bytes)
                .post("/api/v1/customer-imports").then().statusCode(201).extract().jsonPath().getMap("");
        assertThat(report).containsEntry("unchangedRows", 1).containsEntry("invalidRows", 0)
                .containsEntry("ignoredColumns", List.of("id", "status", "firstPurchaseDate", "lastVisitDate"));
        as(chain.adminToken()).queryParam("entityType", "customer-list").get("/api/v1/audit-events").then()
                .body("items[0].action", equalTo("customer.exported"))
                .body("items[0].changes.rows", equalTo(1)).body("items[0].changes.format", equalTo("CSV"))
                .body("items[0].changes.filter.tag", equalTo("VIP"))
                .body("items[0].changes.phonesMasked", equalTo(false));
    }

    @Test
    void anXlsxExportIsASpreadsheetAndCliniciansGetMaskedPhones() throws IOException {
        Chain chain = Chains.create();
        String phone = mobile();
        register(chain, customer("周表格", phone));
        Response file = export(Chains.staffToken(chain, "clinician"), "xlsx", Map.of());
        file.then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        // Streamed zip entries carry their sizes after the data: read through the central directory.
        Path xlsx = Files.createTempFile("customers", ".xlsx");
        Files.write(xlsx, file.asByteArray());
        StringBuilder content = new StringBuilder();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                content.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            Files.delete(xlsx);
        }
        String sheet = java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(content)
                .replaceAll(m -> Character.toString(Integer.parseInt(m.group(1), 16)));
        assertThat(sheet).contains("周表格", phone.substring(0, 3) + "****" + phone.substring(7))
                .doesNotContain(phone);
        as(chain.adminToken()).queryParam("entityType", "customer-list").get("/api/v1/audit-events").then()
                .body("items[0].changes.format", equalTo("XLSX"))
                .body("items[0].changes.phonesMasked", equalTo(true));
    }

    @Test
    void badExportRequestsAreRefusedNamingTheParameter() {
        Chain chain = Chains.create();
        export(chain.adminToken(), "pdf", Map.of()).then().statusCode(400).body("errors.field", hasItem("format"));
        as(chain.adminToken()).accept("*/*").get("/api/v1/customer-export").then().statusCode(400)
                .body("errors.field", hasItem("format"));
        export(chain.adminToken(), "csv", Map.of("birthdayMonth", 13)).then().statusCode(400)
                .body("errors.field", hasItem("birthdayMonth"));
        as(chain.adminToken()).queryParam("entityType", "customer-list").get("/api/v1/audit-events").then()
                .body("items", org.hamcrest.Matchers.empty());
    }
}
