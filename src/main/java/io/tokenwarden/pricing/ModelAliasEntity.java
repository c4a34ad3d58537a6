package io.tokenwarden.pricing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "model_alias")
class ModelAliasEntity {

    @Id
    private String alias;

    private String modelId;

    protected ModelAliasEntity() {}

    String alias() {
        return alias;
    }

    String modelId() {
        return modelId;
    }
}
