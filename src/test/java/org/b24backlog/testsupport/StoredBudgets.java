package org.b24backlog.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Test queries on the shared request budgets that the throttle keeps in {@code portal_rate_bucket}. */
public final class StoredBudgets {

    private StoredBudgets() {
    }

    /** Returns the ids of the stored budgets that match a SQL LIKE pattern, such as {@code "member|%"}. */
    public static List<String> idsLike(DataSource dataSource, String pattern) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select id from portal_rate_bucket where id like ?")) {
            query.setString(1, pattern);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading portal_rate_bucket failed", e);
        }
    }
}
