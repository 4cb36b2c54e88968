package org.clientclub.membership.internal.questionnaire;

import java.util.List;
import java.util.Optional;
import org.clientclub.membership.ConsentDocument;
import org.clientclub.membership.Region;
import org.clientclub.shared.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Regions and consent documents: read-only reference data that Flyway seeds. */
@Component
public class ReferenceData {

    private final JdbcClient jdbc;

    public ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Region> regions(Language language) {
        String column = language == Language.EN ? "name_en" : "name_ru";
        String order = language == Language.EN ? "name_en" : "sort_order";
        return jdbc.sql("SELECT code, " + column + " AS name FROM membership_region ORDER BY " + order)
                .query((rs, i) -> new Region(rs.getString("code"), rs.getString("name")))
                .list();
    }

    public Optional<Region> region(String code, Language language) {
        String column = language == Language.EN ? "name_en" : "name_ru";
        return jdbc.sql("SELECT code, " + column + " AS name FROM membership_region WHERE code = :code")
                .param("code", code)
                .query((rs, i) -> new Region(rs.getString("code"), rs.getString("name")))
                .optional();
    }

    public Optional<ConsentDocument> consent(int version, Language language) {
        return jdbc.sql("SELECT version, language, title, body FROM membership_consent_document "
                        + "WHERE version = :version AND language = :language")
                .param("version", version)
                .param("language", language.code())
                .query((rs, i) -> new ConsentDocument(
                        rs.getInt("version"), rs.getString("language"), rs.getString("title"), rs.getString("body")))
                .optional();
    }

    /** The consent version in force today, and whether a region code exists. */
    public record ConsentAndRegion(
            int consentVersion, @Nullable String regionCode, boolean regionExists) {

        /** @return whether the region exists, asking the database only for another code than the one asked about */
        public boolean regionExists(String code, ReferenceData reference) {
            return code.equals(regionCode)
                    ? regionExists
                    : reference.region(code, Language.RU).isPresent();
        }
    }

    /** {@link #currentConsentVersion()} and whether the region exists, in one round trip (a questionnaire asks both). */
    public ConsentAndRegion currentConsentVersionAndRegion(@Nullable String regionCode) {
        return jdbc.sql("""
                        SELECT (SELECT max(version) FROM membership_consent_document WHERE effective_from <= current_date),
                               EXISTS (SELECT 1 FROM membership_region WHERE code = :code)""")
                .param("code", regionCode, java.sql.Types.VARCHAR)
                .query((rs, i) -> new ConsentAndRegion(rs.getInt(1), regionCode, rs.getBoolean(2)))
                .single();
    }

    /** The newest version in force today. */
    public int currentConsentVersion() {
        return jdbc.sql("SELECT max(version) FROM membership_consent_document WHERE effective_from <= current_date")
                .query(Integer.class)
                .single();
    }
}
