package org.cocrea.support;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements the application runs on the current thread (datasource-proxy around the application's
 * {@code dataSource}), so tests can assert that a request runs a fixed number of them. MockMvc requests run on the
 * test's thread.
 */
@Component
public class SqlStatements implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if ("dataSource".equals(beanName) && bean instanceof DataSource dataSource
                && !(bean instanceof ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource).name("counted").countQuery().build();
        }
        return bean;
    }

    /** Starts counting from zero on this thread. */
    public static void reset() {
        QueryCountHolder.clear();
    }

    /** @return statements (queries, updates, batches) run on this thread since {@link #reset()} */
    public static long count() {
        return QueryCountHolder.getGrandTotal().getTotal();
    }
}
