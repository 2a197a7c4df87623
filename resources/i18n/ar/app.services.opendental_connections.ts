<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Enter both the developer key and the customer key.</source>
      <comment>opendental_connections.enter_both_developer_key</comment>
      <translation>أدخل مفتاح المطوّر ومفتاح العميل كليهما.</translation>
    </message>
    <message>
      <source>No keys are stored yet for this connection: enter both the developer key and the customer key.</source>
      <comment>opendental_connections.no_keys_stored_yet</comment>
      <translation>لا توجد مفاتيح محفوظة بعد لهذا الاتصال: أدخل مفتاح المطوّر ومفتاح العميل كليهما.</translation>
    </message>
    <message>
      <source>'{name}' was deactivated, not deleted: synced data refers to it ({what}). It no longer syncs; its keys stay in the keyring so it can be switched back on.</source>
      <comment>opendental_connections.deactivated</comment>
      <translation>تم إيقاف '{name}' ولم يُحذف: توجد بيانات متزامنة تشير إليه ({what}). لم يعد يُزامن، وتبقى مفاتيحه في مخزن كلمات المرور ليمكن تشغيله مجددًا.</translation>
    </message>
    <message>
      <source>'{name}' was removed with its keys.</source>
      <comment>opendental_connections.removed_with_keys</comment>
      <translation>تمت إزالة '{name}' مع مفاتيحه.</translation>
    </message>
    <message>
      <source>'{name}' was removed.</source>
      <comment>opendental_connections.removed</comment>
      <translation>تمت إزالة '{name}'.</translation>
    </message>
    <message>
      <source>ClinicDesk's simulated OpenDental did not start ({error}).</source>
      <comment>opendental_connections.sandbox_not_started</comment>
      <translation>لم يبدأ OpenDental المحاكي في ClinicDesk ({error}).</translation>
    </message>
    <message>
      <source>No API keys are stored on this computer for this connection: enter the developer key and the customer key and save.</source>
      <comment>opendental_connections.no_keys_here</comment>
      <translation>لا توجد مفاتيح API محفوظة على هذا الجهاز لهذا الاتصال: أدخل مفتاح المطوّر ومفتاح العميل ثم احفظ.</translation>
    </message>
    <message>
      <source>No answer from {url} within {seconds} s: is the OpenDental API (eConnector / API Service) running and reachable?</source>
      <comment>opendental_connections.no_answer</comment>
      <translation>لا يوجد رد من {url} خلال {seconds} ثانية: هل واجهة OpenDental API (eConnector / API Service) تعمل ويمكن الوصول إليها؟</translation>
    </message>
    <message>
      <source>OpenDental at {url} answered {code}: {detail}</source>
      <comment>opendental_connections.answered_code</comment>
      <translation>استجاب OpenDental في {url} بالرمز {code}: {detail}</translation>
    </message>
    <message>
      <source>OpenDental at {url} could not be reached: {detail}</source>
      <comment>opendental_connections.unreachable_detail</comment>
      <translation>تعذّر الوصول إلى OpenDental في {url}: {detail}</translation>
    </message>
    <message>
      <source>OpenDental at {url} could not be reached ({error}).</source>
      <comment>opendental_connections.unreachable_os</comment>
      <translation>تعذّر الوصول إلى OpenDental في {url} ({error}).</translation>
    </message>
    <message>
      <source>Connected (SIMULATED sandbox): OpenDental at {url} answered HTTP {code} in {ms} ms and accepted the keys.</source>
      <comment>opendental_connections.connected_sandbox</comment>
      <translation>متصل (بيئة محاكاة SIMULATED): استجاب OpenDental في {url} برمز HTTP {code} خلال {ms} مللي ثانية وقبل المفاتيح.</translation>
    </message>
    <message>
      <source>Connected: OpenDental at {url} answered HTTP {code} in {ms} ms and accepted the keys.</source>
      <comment>opendental_connections.connected</comment>
      <translation>متصل: استجاب OpenDental في {url} برمز HTTP {code} خلال {ms} مللي ثانية وقبل المفاتيح.</translation>
    </message>
    <message>
      <source>OpenDental at {url} could not be reached.</source>
      <comment>opendental_connections.unreachable</comment>
      <translation>تعذّر الوصول إلى OpenDental في {url}.</translation>
    </message>
    <message>
      <source>OpenDental at {url} answered HTTP {code}: {detail}</source>
      <comment>opendental_connections.answered_http</comment>
      <translation>استجاب OpenDental في {url} برمز HTTP {code}: {detail}</translation>
    </message>
    <message>
      <source>no explanation</source>
      <comment>opendental_connections.no_explanation</comment>
      <translation>بلا توضيح</translation>
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <comment>opendental_connections.workstation_hospital_no_longer</comment>
      <translation>مستشفى محطة العمل هذه لم يعد موجودًا.</translation>
    </message>
    <message>
      <source>That OpenDental connection no longer exists; it may have been removed on another workstation.</source>
      <comment>opendental_connections.opendental_connection_no_longer</comment>
      <translation>اتصال OpenDental هذا لم يعد موجودًا؛ ربما أُزيل من محطة عمل أخرى.</translation>
    </message>
    <message>
      <source>There is already an OpenDental connection called '{name}'; choose another name.</source>
      <comment>opendental_connections.already_opendental_connection_called</comment>
      <translation>يوجد بالفعل اتصال OpenDental باسم '{name}'؛ اختر اسمًا آخر.</translation>
    </message>
    <message>
      <source>A SANDBOX connection uses the simulator's own keys; leave the key fields empty.</source>
      <comment>opendental_connections.sandbox_connection_uses_simulator</comment>
      <translation>اتصال SANDBOX يستخدم مفاتيح المحاكي نفسه؛ اترك حقول المفاتيح فارغة.</translation>
    </message>
    <message>
      <source> (OpenDental said: {says})</source>
      <comment>opendental_connections.od_said</comment>
      <translation>(ردّ OpenDental: {says})</translation>
    </message>
    <message>
      <source>OpenDental refused the developer key{said}. Check the developer key OpenDental issued to ClinicDesk's vendor account.</source>
      <comment>opendental_connections.refused_developer_key</comment>
      <translation>رفض OpenDental مفتاح المطوّر{said}. تحقّق من مفتاح المطوّر الذي أصدره OpenDental لحساب مورّد ClinicDesk.</translation>
    </message>
    <message>
      <source>OpenDental refused the customer key{said}. Generate or copy it again in OpenDental: Setup &gt; Advanced Setup &gt; API, and make sure the API is enabled and the eConnector is running.</source>
      <comment>opendental_connections.refused_customer_key</comment>
      <translation>رفض OpenDental مفتاح العميل{said}. أنشئه أو انسخه مرة أخرى في OpenDental: Setup &gt; Advanced Setup &gt; API، وتأكد من تفعيل API وتشغيل eConnector.</translation>
    </message>
    <message>
      <source>OpenDental refused the API keys{said}. Check both: the developer key (issued by OpenDental to the vendor) and the customer key (Setup &gt; Advanced Setup &gt; API in OpenDental).</source>
      <comment>opendental_connections.refused_keys</comment>
      <translation>رفض OpenDental مفاتيح API{said}. تحقّق من كليهما: مفتاح المطوّر (الصادر من OpenDental للمورّد) ومفتاح العميل (Setup &gt; Advanced Setup &gt; API في OpenDental).</translation>
    </message>
  </context>
</TS>
