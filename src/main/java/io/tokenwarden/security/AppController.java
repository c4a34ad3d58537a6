package io.tokenwarden.security;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.BoundedJson;
import io.tokenwarden.web.FieldError;
import io.tokenwarden.web.JsonFields;
import io.tokenwarden.web.Vocabulary;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: apps and their keys. A key appears in a response once, at creation. */
@RestController
class AppController {

    private final AppKeys appKeys;
    private final BoundedJson bodies;

    AppController(AppKeys appKeys, BoundedJson bodies) {
        this.appKeys = appKeys;
        this.bodies = bodies;
    }

    @PostMapping("/api/v1/apps")
    ResponseEntity<IssuedKey> create(HttpServletRequest request, Principal user) {
        List<FieldError> errors = new ArrayList<>();
        String name = JsonFields.object(bodies.read(request), "", errors)
                .map(f -> f.requiredString("name", 64, Vocabulary.NAME, Vocabulary.NAME_HINT))
                .orElse(null);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(appKeys.createApp(name, user.getName()));
    }

    @GetMapping("/api/v1/apps")
    List<AppView> list() {
        return appKeys.list();
    }

    @PostMapping("/api/v1/apps/{app}/keys")
    ResponseEntity<IssuedKey> addKey(@PathVariable String app, Principal user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(appKeys.addKey(app, user.getName()));
    }

    @DeleteMapping("/api/v1/apps/{app}/keys/{key_id}")
    ResponseEntity<Void> revoke(@PathVariable String app, @PathVariable("key_id") String keyId, Principal user) {
        appKeys.revoke(app, keyId, user.getName());
        return ResponseEntity.noContent().build();
    }
}
