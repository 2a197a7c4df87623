<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Setting {name} must be a whole number, not {value}.</source>
      <comment>config.setting_name_whole_number</comment>
      <translation>يجب أن يكون الإعداد {name} عددًا صحيحًا، وليس {value}.</translation>
    </message>
    <message>
      <source>Setting {name} cannot be negative.</source>
      <comment>config.setting_name_negative</comment>
      <translation>لا يمكن أن يكون الإعداد {name} سالبًا.</translation>
    </message>
    <message>
      <source>The config file {path} is not valid TOML: {exc}</source>
      <comment>config.config_file_path_valid</comment>
      <translation>ملف الإعدادات {path} ليس بصيغة TOML صالحة: {exc}</translation>
    </message>
  </context>
</TS>
