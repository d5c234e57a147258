package org.negotiationledger.api.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

import java.time.Duration;

/**
 * What the ledger asks of its PostgreSQL connections: JDBC batches of inserts sent as multi-row
 * INSERT statements (the views and the event store write in batches), and time limits, so that
 * a database that stops answering fails a request within seconds instead of holding it: a
 * connection is made within 3 s, and a statement whose answer does not arrive within the read
 * timeout fails. The embedded H2 is left as it is.
 */
class PostgresConnectionSettings implements BeanPostProcessor {

    private static final int CONNECT_SECONDS = 3;

    private final Duration readTimeout;

    PostgresConnectionSettings(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
                && dataSource.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
            dataSource.addDataSourceProperty("connectTimeout", Integer.toString(CONNECT_SECONDS));
            dataSource.addDataSourceProperty("loginTimeout", Integer.toString(CONNECT_SECONDS));
            dataSource.addDataSourceProperty("socketTimeout", Long.toString(Math.max(1, readTimeout.toSeconds())));
            dataSource.addDataSourceProperty("tcpKeepAlive", "true");
        }
        return bean;
    }
}
