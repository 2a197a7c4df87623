<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>A deposit cannot be topped up from the deposit itself.</source>
      <extracomment>deposit_cannot_topped_up</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the amount</source>
      <extracomment>insufficient_amount</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no patient {patient_id} at this hospital.</source>
      <extracomment>no_patient_hospital</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deposit balance {balance} is less than {insufficient} {delta}; nothing was charged.</source>
      <extracomment>deposit_balance_less_nothing</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cash can only be taken or paid out with a cash drawer shift open on this workstation. Open a shift first (Cash drawer, Ctrl+Shift+4); nothing was charged.</source>
      <extracomment>no_shift</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The drawer should hold {expected_cash} in cash, less than the {amount} to pay out; pay it another way or from another drawer. Nothing was paid.</source>
      <extracomment>drawer_should_hold_cash</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Journal line on {code} has a negative amount.</source>
      <extracomment>journal_line_negative_amount</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Journal line on {code} is both a debit and a credit.</source>
      <extracomment>journal_line_both_debit</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The journal entry '{memo}' does not balance: debits {debits} vs credits {credits}.</source>
      <extracomment>journal_entry_does_not</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The chart of accounts has no active account {missing}; an administrator must add it before this can be posted.</source>
      <extracomment>chart_accounts_no_active</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {fiscal_year} deductible ledger of this policy holds AED {have_d} deductible and AED {have_c} copay, less than the AED {d_delta} and AED {c_delta} to take off. The ledger was changed since the payment; ask an administrator to check it.</source>
      <extracomment>deductible_ledger_policy_holds</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
