package org.b24backlog.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.install.FrameLaunch;
import org.b24backlog.testsupport.AppFrames;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Pages follow the portal user's LANG: Russian where the app has it, English for anything else. */
@QuarkusTest
class LanguageTest {

    @Inject
    DemoPortal portal;

    @BeforeEach
    void install() throws Exception {
        Installs.reset(portal);
        Installs.install(portal);
    }

    @Test
    void russianPortalGetsRussianPages() {
        String page = AppFrames.open(withLang(portal.launchGroupTab(DemoData.USER_SCRUM_MASTER, DemoData.SCRUM_MOBILE), "ru"))
                .body().asString();

        assertThat(page).contains("<html lang=\"ru\">");
        assertThat(page).contains("Задачи в бэклоге");
        assertThat(page).contains("Ждёт выполнения");
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        String page = AppFrames.open(withLang(portal.launchGroupTab(DemoData.USER_SCRUM_MASTER, DemoData.SCRUM_MOBILE), "de"))
                .body().asString();

        assertThat(page).contains("<html lang=\"en\">");
        assertThat(page).contains("Tasks in the backlog");
    }

    private static FrameLaunch withLang(FrameLaunch launch, String lang) {
        Map<String, String> query = new LinkedHashMap<>(launch.query());
        query.put("LANG", lang);
        return new FrameLaunch(launch.url(), query, launch.form(), launch.userId(), launch.install());
    }
}
