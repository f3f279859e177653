package dev.seq2seq.api;

import dev.seq2seq.api.generated.SettingsApi;
import dev.seq2seq.api.generated.model.Settings;
import dev.seq2seq.ServiceProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code /settings}: the limits a request is checked against, for clients and UIs. */
@RestController
public class SettingsController implements SettingsApi {
    private final ServiceProperties.Limits limits;
    private final String mode;

    public SettingsController(ServiceProperties properties) {
        this.limits = properties.limits();
        this.mode = properties.auth().mode();
    }

    @Override
    public ResponseEntity<Settings> getSettings() {
        return ResponseEntity.ok(new Settings().charLimit(limits.maxCharacters()).textLimit(limits.maxTexts())
                .requestCharLimit(limits.maxRequestCharacters()).beamSizeLimit(limits.maxBeamSize())
                .alternativesLimit(limits.maxAlternatives()).samplesLimit(limits.maxSamples())
                .authMode(Settings.AuthModeEnum.fromValue(mode)).keyRequired(mode.equals("required")));
    }
}
