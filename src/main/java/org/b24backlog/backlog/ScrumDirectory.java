package org.b24backlog.backlog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.bitrix.BitrixClient;
import org.b24backlog.bitrix.BitrixResponse;
import org.b24backlog.bitrix.PortalCredentials;

import com.fasterxml.jackson.databind.JsonNode;

/** Lists the Scrums a user can see. Bitrix24 cannot filter workgroups by type, so the list is filtered here. */
@ApplicationScoped
public class ScrumDirectory {

    /** Upper bound of pages read, so a portal with very many groups cannot hold a page load forever. */
    static final int MAX_PAGES = 40;

    private final BitrixClient bitrix;

    public ScrumDirectory(BitrixClient bitrix) {
        this.bitrix = bitrix;
    }

    public List<ScrumGroup> scrums(PortalCredentials viewer) {
        List<ScrumGroup> scrums = new ArrayList<>();
        Integer start = 0;
        for (int page = 0; page < MAX_PAGES && start != null; page++) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("filter", Map.of("ACTIVE", "Y"));
            params.put("select", List.of("ID", "NAME", "TYPE", "SCRUM_MASTER_ID", "OWNER_ID"));
            params.put("order", Map.of("NAME", "ASC"));
            params.put("start", start);
            BitrixResponse response = bitrix.callForEnvelope(viewer, "socialnetwork.api.workgroup.list", params);
            for (JsonNode row : response.result().path("workgroups")) {
                ScrumGroup group = ScrumGroup.fromListRow(row);
                if (group.isScrum()) {
                    scrums.add(group);
                }
            }
            start = response.next();
        }
        scrums.sort(Comparator.comparing(ScrumGroup::name, String.CASE_INSENSITIVE_ORDER));
        return scrums;
    }
}
